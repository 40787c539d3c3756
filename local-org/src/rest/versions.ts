// Discovery resources sf and jsforce call first: the API version list, the resource list of a
// version, and OAuth userinfo (which `sf org login access-token` reads to learn user and org).

import type { OrgContext, Route } from '../http/route.js';
import { notFound } from '../http/apiError.js';
import { dataRoute } from './paths.js';

/** The newest API version the local org announces; sf caches it in the auth file. */
export const LATEST_API_VERSION = 64;
const OLDEST_API_VERSION = 31;

function releaseLabel(version: number): string {
  const index = version - 60;
  const season = ['Spring', 'Summer', 'Winter'][((index % 3) + 3) % 3];
  const year = 24 + Math.floor((index + 1) / 3);
  return `${season} '${year}`;
}

export function versionList(): Array<{ label: string; url: string; version: string }> {
  const versions = [];
  for (let version = OLDEST_API_VERSION; version <= LATEST_API_VERSION; version++) {
    versions.push({ label: releaseLabel(version), url: `/services/data/v${version}.0`, version: `${version}.0` });
  }
  return versions;
}

function userinfo(ctx: OrgContext): Record<string, unknown> {
  const found = ctx.store.get(ctx.userId);
  if (!found) {
    throw notFound();
  }
  const user = found.record;
  const base = ctx.instanceUrl;
  const urls = Object.fromEntries(
    Object.entries({
      enterprise: 'Soap/c/{version}/',
      metadata: 'Soap/m/{version}/',
      partner: 'Soap/u/{version}/',
      rest: 'data/v{version}/',
      sobjects: 'data/v{version}/sobjects/',
      search: 'data/v{version}/search/',
      query: 'data/v{version}/query/',
      recent: 'data/v{version}/recent/',
      tooling_soap: 'Soap/T/{version}/',
      tooling_rest: 'data/v{version}/tooling/',
      limits: 'data/v{version}/limits/',
    }).map(([key, path]) => [key, `${base}/services/${path}`]),
  );
  return {
    sub: `${base}/id/${ctx.orgId}/${ctx.userId}`,
    user_id: ctx.userId,
    organization_id: ctx.orgId,
    preferred_username: user.Username,
    nickname: user.Alias,
    name: user.Name,
    email: user.Email,
    email_verified: true,
    given_name: user.FirstName,
    family_name: user.LastName,
    zoneinfo: user.TimeZoneSidKey,
    photos: { picture: `${base}/profilephoto/005/F`, thumbnail: `${base}/profilephoto/005/T` },
    profile: `${base}/${ctx.userId}`,
    picture: `${base}/profilephoto/005/F`,
    address: {},
    urls: {
      ...urls,
      profile: `${base}/${ctx.userId}`,
      feeds: null,
      feed_items: null,
      groups: null,
      users: null,
      custom_domain: base,
    },
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    updated_at: user.LastModifiedDate,
    is_app_installed: true,
  };
}

export function versionRoutes(): Route[] {
  return [
    { method: 'GET', pattern: /^\/services\/data\/?$/, handle: () => ({ status: 200, body: versionList() }) },
    dataRoute('GET', '', (request) => {
      const base = `/services/data/v${request.params.version}`;
      const resources = [
        'sobjects',
        'query',
        'queryAll',
        'composite',
        'limits',
        'jobs/ingest',
        'jobs/query',
        'ui-api',
        'graphql',
      ];
      return { status: 200, body: Object.fromEntries(resources.map((name) => [name, `${base}/${name}`])) };
    }),
    {
      method: 'GET',
      pattern: /^\/services\/oauth2\/userinfo\/?$/,
      handle: (_request, ctx) => ({ status: 200, body: userinfo(ctx) }),
    },
    {
      method: 'POST',
      pattern: /^\/services\/oauth2\/userinfo\/?$/,
      handle: (_request, ctx) => ({ status: 200, body: userinfo(ctx) }),
    },
  ];
}
