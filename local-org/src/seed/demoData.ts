// Seeds the demo company into a store: channels, accounts, contacts, leads, cases, identities and
// ~3,000 interactions in threads. Deterministic for a seed; timestamps are relative to `now` so the
// open queue (Needs_Response, some past SLA) always looks current.

import type { RecordStore } from '../data/store.js';
import { between, chance, pick, seededRandom, type Random } from '../random/seededRandom.js';
import { CHANNELS } from './channels.js';
import { ACCOUNTS, CASES, CONTACTS, LEADS } from './company.js';
import { threadInteractions } from './conversations.js';
import { identityFields, type DemoIdentity, type IdentityPlan, type Person } from './identities.js';

export interface SeedOptions {
  now?: Date;
  seed?: number;
  /** Interactions to generate, at least (default 3,000). */
  interactions?: number;
}

export interface SeedSummary {
  /** Maya Chen (maya.chen@example.com): the contact with the most interactions, on five networks. */
  busiestContactId: string;
  accountIds: string[];
  contactIds: string[];
  leadIds: string[];
  caseIds: string[];
  identityIds: string[];
  channelIds: string[];
  counts: Record<string, number>;
}

/** Contacts deliberately left without identities: examples/mapping.yaml links them on deploy. */
const LINKED_BY_EXAMPLES = new Set([
  'ana.ruiz@example.com',
  'marco.rossi@example.com',
  'jordan.lee@summit-trail.example.com',
]);
const LEADS_LINKED_BY_EXAMPLES = new Set(['priya.shah@example.com', 'sam.kim@example.org']);
const NETWORKS = CHANNELS.map((channel) => channel.Network_Key__c);
const DAY = 86_400_000;
const HOUR = 3_600_000;

function create(store: RecordStore, objectName: string, fields: Record<string, unknown>): string {
  const result = store.create(objectName, fields);
  if (!result.success) {
    throw new Error(
      `Seeding ${objectName} failed: ${JSON.stringify(result.errors)} for ${JSON.stringify(fields).slice(0, 300)}`,
    );
  }
  return result.id;
}

function plansFor(random: Random, count: number, statusOf: () => IdentityPlan['status']): IdentityPlan[] {
  const networks = [...NETWORKS].sort(() => random() - 0.5).slice(0, count);
  return networks.map((network) => ({ network, status: statusOf(), advocate: chance(random, 0.1) }));
}

export function seedDemoData(store: RecordStore, options: SeedOptions = {}): SeedSummary {
  const now = options.now ?? new Date();
  const random = seededRandom(options.seed ?? 20261123);
  const target = options.interactions ?? 3000;
  const userId = (store.list('User')[0]?.Id as string | undefined) ?? '';

  const channelIds = CHANNELS.map((channel) => create(store, 'Social_Channel__c', { ...channel, Enabled__c: true }));
  const accountIds = ACCOUNTS.map((account) =>
    create(store, 'Account', { ...account, Phone: `+1 555 01${between(random, 10, 99)}` }),
  );
  const contactIds = CONTACTS.map(({ account, ...contact }) =>
    create(store, 'Contact', { ...contact, AccountId: accountIds[account], LeadSource: 'Social' }),
  );
  const leadIds = LEADS.map((lead) => create(store, 'Lead', { ...lead }));
  const caseIds = CASES.map(({ contact, ...fields }) =>
    create(store, 'Case', {
      ...fields,
      ContactId: contactIds[contact],
      AccountId: accountIds[CONTACTS[contact]!.account],
    }),
  );

  // Identities: who is on which network, and how sure we are.
  const usedIds = new Set<string>();
  const identities: Array<{ id: string; identity: DemoIdentity; weight: number; caseId?: string }> = [];
  const addIdentity = (plan: IdentityPlan, person: Person | undefined, weight: number, caseId?: string) => {
    const identity = identityFields(random, plan, person, userId, now, usedIds);
    identities.push({ id: create(store, 'Social_Identity__c', identity.fields), identity, weight, caseId });
  };
  const caseOf = (contactIndex: number) => caseIds[CASES.findIndex((entry) => entry.contact === contactIndex)];
  CONTACTS.forEach((contact, index) => {
    if (LINKED_BY_EXAMPLES.has(contact.Email)) return;
    const person: Person = {
      firstName: contact.FirstName,
      lastName: contact.LastName,
      contactId: contactIds[index],
      accountId: accountIds[contact.account],
    };
    if (index === 0) {
      const maya: IdentityPlan[] = [
        { network: 'x', status: 'Linked', advocate: true },
        { network: 'instagram', status: 'Linked' },
        { network: 'community', status: 'Linked', advocate: true },
        { network: 'facebook', status: 'Linked' },
        { network: 'reddit', status: 'Suggested' },
      ];
      maya.forEach((plan) => addIdentity(plan, person, 5, caseOf(0)));
      addIdentity({ network: 'youtube', status: 'Rejected' }, person, 1);
      return;
    }
    const statusOf = () => (chance(random, 0.85) ? 'Linked' : 'Suggested');
    plansFor(random, between(random, 1, 3), statusOf).forEach((plan) =>
      addIdentity(plan, person, between(random, 1, 4), caseOf(index)),
    );
  });
  LEADS.forEach((lead, index) => {
    if (LEADS_LINKED_BY_EXAMPLES.has(lead.Email) || index % 2 === 1) return;
    const person: Person = { firstName: lead.FirstName, lastName: lead.LastName, leadId: leadIds[index] };
    addIdentity({ network: pick(random, NETWORKS), status: 'Linked' }, person, 2);
  });
  for (let index = 0; index < 25; index++) {
    addIdentity({ network: pick(random, NETWORKS), status: index < 5 ? 'Rejected' : 'Unlinked' }, undefined, 1);
  }

  // Threads: weighted by identity, chronological, until the target is reached.
  const interactions: Array<Record<string, unknown>> = [];
  const totalWeight = identities.reduce((sum, entry) => sum + entry.weight, 0);
  const weightedIdentity = () => {
    let roll = random() * totalWeight;
    for (const entry of identities) {
      roll -= entry.weight;
      if (roll < 0) return entry;
    }
    return identities[0]!;
  };
  let openThreads = 0;
  while (interactions.length < target) {
    const entry = weightedIdentity();
    const open = openThreads < 24 && entry.identity.person !== undefined && chance(random, 0.05);
    // Recent activity is denser, as in a real queue: age skews towards today.
    const age = open ? between(random, 10, 12 * 60) * 60_000 : Math.pow(random(), 1.6) * 120 * DAY + 3 * HOUR;
    const records = threadInteractions(random, {
      identity: entry.identity,
      identityId: entry.id,
      start: new Date(now.getTime() - age),
      now,
      caseId: entry.caseId && chance(random, 0.2) ? entry.caseId : undefined,
      open,
      usedIds,
    });
    if (open) openThreads++;
    interactions.push(...records);
  }
  interactions.sort((a, b) => String(a.Posted_At__c).localeCompare(String(b.Posted_At__c)));
  for (const interaction of interactions) {
    create(store, 'Social_Interaction__c', interaction);
  }

  // A few follow-up tasks reps created from interactions.
  for (const [index, contactId] of contactIds.slice(0, 6).entries()) {
    create(store, 'Task', {
      Subject: pick(random, [
        'Follow up on social complaint',
        'Send team pricing quote',
        'Thank advocate with a discount code',
      ]),
      WhoId: contactId,
      WhatId: accountIds[CONTACTS[index]!.account],
      ActivityDate: new Date(now.getTime() + between(random, -3, 7) * DAY).toISOString().slice(0, 10),
      Status: index % 3 === 0 ? 'Completed' : 'Not Started',
      Description: 'Created from the Social Bridge timeline.',
    });
  }

  const counts = Object.fromEntries(
    [
      'Social_Channel__c',
      'Account',
      'Contact',
      'Lead',
      'Case',
      'Social_Identity__c',
      'Social_Interaction__c',
      'Task',
    ].map((name) => [name, store.list(name).length]),
  );
  return {
    busiestContactId: contactIds[0]!,
    accountIds,
    contactIds,
    leadIds,
    caseIds,
    identityIds: identities.map((entry) => entry.id),
    channelIds,
    counts,
  };
}
