// A deploy worth reviewing and undoing: an org where an earlier mapping (BEFORE_*) linked three
// identities and gave channel x its settings, and a reviewed mapping (REVIEWED_*) that relinks one,
// keeps one, links one by an e-mail in another case, creates Leads, removes a stale link, repeats a
// row exactly, clears x's settings and changes instagram's. Shared by review.test.ts and undo.test.ts.
import { seed, type TestOrg } from './localOrg.js';

export function seedPeople(org: TestOrg): { ana: string; bob: string; carl: string } {
  return {
    ana: seed(org, 'Contact', { LastName: 'Ana Review', Email: 'ana.review@example.com' }),
    bob: seed(org, 'Contact', { LastName: 'Bob Review', Email: 'bob.review@example.com' }),
    carl: seed(org, 'Contact', { LastName: 'Carl Review', Email: 'carl.review@example.com' }),
  };
}

/** One rule, by e-mail on Contact.Email, with the normalisation given; and the export's columns. */
const emailRule = (normalise: string): string =>
  `rules:\n  - name: same-email\n    identity: email\n    record: Contact.Email\n    normalise: ${normalise}\n    action: link`;
const SOURCE = `sources:
  - name: export
    file: export.csv
    columns: { network: Network, userId: Id, handle: Handle, email: Email }`;

export const BEFORE_MAPPING = `version: 1
channels:
  - key: x
    name: X
    publicReplyLimit: 280
    responseSlaMinutes: 60
    postUrlTemplate: "https://x.com/{handle}/status/{postId}"
  - key: instagram
    name: Instagram
${emailRule('[lowercase]')}
${SOURCE}
removeStaleLinks: false
`;

export const BEFORE_EXPORT =
  'Network,Id,Handle,Email\n' +
  'x,r-1,ana_r,ana.review@example.com\n' +
  'x,r-2,bob_r,bob.review@example.com\n' +
  'x,r-3,carl_r,carl.review@example.com\n';

export const REVIEWED_MAPPING = `version: 1
channels:
  - key: x
    name: X
  - key: instagram
    name: Instagram
    responseSlaMinutes: 30
${emailRule('[]')}
${SOURCE}
removeStaleLinks: true
unmatched: create-lead
lead:
  company: "Social: {network}"
  leadSource: Social
`;

/** Line 2 relinks r-1, 3 keeps r-2, 4 links r-4 by case-insensitive e-mail, 5 and 6 create Leads, 7 repeats 6. */
export const REVIEWED_EXPORT =
  'Network,Id,Handle,Email\n' +
  'x,r-1,ana_r,bob.review@example.com\n' +
  'x,r-2,bob_r,bob.review@example.com\n' +
  'x,r-4,carl_again,Carl.Review@Example.COM\n' +
  'x,r-6,newcomer,new.review@example.net\n' +
  'x,r-5,handle_only,\n' +
  'x,r-5,handle_only,\n';
