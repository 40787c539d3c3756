// Social identities of the demo people: several per person across networks, mostly linked by a
// mapping rule, some suggested, some rejected, some nobody has linked yet; network-shaped user ids.

import { between, characters, pick, type Random } from '../random/seededRandom.js';
import { channelByKey } from './channels.js';

export interface Person {
  firstName: string;
  lastName: string;
  contactId?: string;
  leadId?: string;
  accountId?: string;
}

export interface DemoIdentity {
  fields: Record<string, unknown>;
  network: string;
  handle: string;
  person?: Person;
  advocate: boolean;
}

const DIGITS = '0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const YOUTUBE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Network user ids in each network's shape; prefixes keep clear of the ids used in examples/. */
export function networkUserId(random: Random, network: string): string {
  switch (network) {
    case 'x':
      return `14${characters(random, DIGITS, 17)}`;
    case 'facebook':
      return `1000${characters(random, DIGITS, 11)}`;
    case 'instagram':
      return `61${characters(random, DIGITS, 8)}`;
    case 'linkedin':
      return `ACoAA${characters(random, ALNUM, 10)}`;
    case 'youtube':
      return `UC${characters(random, YOUTUBE, 22)}`;
    case 'reddit':
      return `t2_${characters(random, ALNUM, 7)}`;
    default:
      return `m-${between(random, 2000, 9999)}`;
  }
}

export function handleFor(random: Random, network: string, first: string, last: string): string {
  const f = first.toLowerCase().replace(/[^a-z]/g, '');
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const styles = [
    `${f}_${l}`,
    `${f}${l}`,
    `${f}.${l}`,
    `${f}${l.charAt(0)}${between(random, 1, 99)}`,
    `${f.charAt(0)}${l}`,
  ];
  const handle = pick(random, styles);
  return network === 'x' || network === 'reddit'
    ? handle.replace(/\./g, '_')
    : network === 'linkedin'
      ? `${f}-${l}-${characters(random, ALNUM, 4)}`
      : handle;
}

export interface IdentityPlan {
  network: string;
  status: 'Linked' | 'Suggested' | 'Rejected' | 'Unlinked';
  advocate?: boolean;
}

export function identityFields(
  random: Random,
  plan: IdentityPlan,
  person: Person | undefined,
  linkedById: string,
  now: Date,
  usedIds: Set<string>,
): DemoIdentity {
  const first = person?.firstName ?? pick(random, ['night', 'trail', 'coffee', 'pixel', 'urban', 'quiet', 'sunny']);
  const last = person?.lastName ?? pick(random, ['owl', 'runner', 'lover', 'fox', 'maker', 'reader', 'cyclist']);
  let userId = networkUserId(random, plan.network);
  while (usedIds.has(`${plan.network}:${userId}`)) userId = networkUserId(random, plan.network);
  usedIds.add(`${plan.network}:${userId}`);
  const handle = handleFor(random, plan.network, first, last);
  const channel = channelByKey(plan.network);
  const linked = plan.status === 'Linked' || plan.status === 'Suggested';
  const target = person?.contactId
    ? { Contact__c: person.contactId }
    : person?.leadId
      ? { Lead__c: person.leadId }
      : {};
  const source = pick(random, ['Mapping', 'Mapping', 'Mapping', 'Rep', 'Import'] as const);
  const rule =
    source === 'Mapping'
      ? pick(random, ['same-email', 'same-email', 'same-handle', 'lead-email'])
      : source === 'Import'
        ? 'crm-export-2026-09'
        : null;
  const fields: Record<string, unknown> = {
    Name: `@${handle} (${plan.network})`,
    External_Id__c: `${plan.network}:${userId}`,
    Network__c: plan.network,
    Network_User_Id__c: userId,
    Handle__c: handle,
    Display_Name__c: person ? `${person.firstName} ${person.lastName}` : null,
    Profile_URL__c: channel.Profile_URL_Template__c.replace('{handle}', handle),
    Followers__c: Math.round(Math.exp(random() * 10)),
    Link_Status__c: plan.status,
    Is_Advocate__c: plan.advocate ?? false,
    Advocate_Note__c: plan.advocate
      ? pick(random, [
          'Regularly answers other customers in the community',
          'Posted three unboxing videos this quarter',
          'Recommends us to friends every month',
        ])
      : null,
  };
  if (linked || plan.status === 'Rejected') {
    Object.assign(fields, plan.status === 'Rejected' ? {} : target, {
      Link_Source__c: plan.status === 'Suggested' ? 'Mapping' : source,
      Matched_By_Rule__c: plan.status === 'Suggested' ? 'same-phone' : rule,
      Linked_By__c: plan.status === 'Linked' ? linkedById : null,
      Linked_At__c:
        plan.status === 'Linked' ? new Date(now.getTime() - between(random, 5, 200) * 86_400_000).toISOString() : null,
      Link_Note__c:
        plan.status === 'Rejected' ? 'Different person with the same name (checked the profile photo and city)' : null,
    });
  }
  return {
    fields,
    network: plan.network,
    handle,
    person: linked ? person : undefined,
    advocate: plan.advocate ?? false,
  };
}
