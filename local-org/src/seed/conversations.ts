// Conversation threads for the demo: questions, complaints taken private (and sometimes vented
// public again), praise, purchase intent, reviews and channel hops, with statuses, SLAs, delivery
// states and personal-data flags that look like a real social care queue.

import { between, characters, chance, pick, type Random } from '../random/seededRandom.js';
import { channelByKey } from './channels.js';
import type { DemoIdentity } from './identities.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

type Direction = 'Inbound' | 'Outbound';
interface Step {
  direction: Direction;
  visibility: 'Public' | 'Private';
  kind: string;
  body: string;
  intent?: string;
  sentiment?: string;
  personalData?: boolean;
}

const PRODUCTS = [
  'trail jacket',
  'rain shell',
  'hiking boots',
  'daypack',
  'merino base layer',
  'espresso grinder',
  'gift card',
  'loyalty app',
  'bike light',
  'insulated bottle',
];
const PLACES = ['Portland', 'Denver', 'Toronto', 'Berlin', 'Amsterdam', 'London', 'Austin'];

interface Words {
  order: string;
  product: string;
  place: string;
  first: string;
  email: string;
  phone: string;
}

function words(random: Random, identity: DemoIdentity): Words {
  const first = identity.person?.firstName ?? 'there';
  return {
    order: String(between(random, 4100, 4999)),
    product: pick(random, PRODUCTS),
    place: pick(random, PLACES),
    first,
    email: identity.person
      ? `${identity.person.firstName}.${identity.person.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') +
        '@example.com'
      : 'me@example.net',
    phone: `+1 555 01${between(random, 10, 99)}`,
  };
}

type Scenario = (w: Words, random: Random) => Step[];

const pub = (direction: Direction, kind: string, body: string, extra: Partial<Step> = {}): Step => ({
  direction,
  visibility: 'Public',
  kind,
  body,
  ...extra,
});
const dm = (direction: Direction, body: string, extra: Partial<Step> = {}): Step => ({
  direction,
  visibility: 'Private',
  kind: 'Direct Message',
  body,
  ...extra,
});

const SCENARIOS: Record<string, Scenario> = {
  question: (w, random) => [
    pub(
      'Inbound',
      'Post',
      pick(random, [
        `Does the ${w.product} come in a wide fit? Can't find it on the site.`,
        `Quick question: is the ${w.product} covered by the lifetime warranty?`,
        `Anyone know if you ship the ${w.product} to ${w.place}?`,
      ]),
      { intent: 'Question', sentiment: 'Neutral' },
    ),
    pub(
      'Outbound',
      'Reply',
      `Hi ${w.first}! Yes, it does. Details are on the product page under "Fit & care". Anything else we can help with?`,
    ),
    ...(chance(random, 0.5)
      ? [
          pub(
            'Inbound',
            'Reply',
            pick(random, ['Perfect, thanks for the quick answer!', 'Great, ordering now 🙌', 'Thanks!']),
            { sentiment: 'Positive' },
          ),
        ]
      : []),
  ],
  complaint: (w, random) => [
    pub(
      'Inbound',
      'Post',
      pick(random, [
        `Order #${w.order} has been "processing" for 8 days. Nobody answers email. Not impressed.`,
        `My ${w.product} fell apart after two weeks. Really disappointed.`,
        `Third time asking: where is my refund for order ${w.order}?`,
      ]),
      { intent: 'Complaint', sentiment: 'Negative' },
    ),
    pub(
      'Outbound',
      'Reply',
      `We're sorry, ${w.first}. Could you send us a DM with your order number? We'll look into it right away.`,
    ),
    dm(
      'Inbound',
      pick(random, [
        `Order ${w.order}. The email on the order is ${w.email}`,
        `It's order ${w.order}, you can call me on ${w.phone}`,
      ]),
      { intent: 'Question', sentiment: 'Negative', personalData: true },
    ),
    dm(
      'Outbound',
      `Thanks ${w.first}. The parcel was held at the depot; it ships today and we've refunded the shipping cost.`,
    ),
    ...(chance(random, 0.6) ? [dm('Inbound', 'Thank you, that was quick.', { sentiment: 'Positive' })] : []),
  ],
  vent: (w) => [
    pub('Inbound', 'Post', `Still waiting on order ${w.order}. Support asked me to DM and then went silent.`, {
      intent: 'Complaint',
      sentiment: 'Negative',
    }),
    pub('Outbound', 'Reply', `Hi ${w.first}, sorry about this. Please DM us so we can sort it out.`),
    dm('Inbound', `Here you go: order ${w.order}, shipped to ${w.place}.`, {
      intent: 'Question',
      sentiment: 'Neutral',
    }),
    dm('Outbound', 'Thanks, we have escalated this to our warehouse team.'),
    pub(
      'Inbound',
      'Post',
      `Two days after "we escalated it" and still nothing on order ${w.order}. Taking my business elsewhere.`,
      { intent: 'Complaint', sentiment: 'Negative' },
    ),
  ],
  praise: (w, random) => [
    pub(
      'Inbound',
      pick(random, ['Mention', 'Post']),
      pick(random, [
        `Shout-out to the team for the ${w.product}: survived a week of rain in ${w.place}!`,
        `Best customer service I've had all year. Thank you!`,
        `Loving my new ${w.product}. Worth every penny.`,
      ]),
      { intent: 'Praise', sentiment: 'Positive' },
    ),
    ...(chance(random, 0.7) ? [pub('Outbound', 'Reply', `This made our day, ${w.first}! Thanks for sharing 💚`)] : []),
  ],
  purchase: (w) => [
    pub(
      'Inbound',
      'Comment',
      `Do you do team pricing? We'd need about 20 of the ${w.product} for our staff in ${w.place}.`,
      { intent: 'Purchase_Intent', sentiment: 'Positive' },
    ),
    pub('Outbound', 'Reply', `We do! Our team will reach out with a quote. Could you DM us the best email to use?`),
    dm('Inbound', `Sure, ${w.email}`, { intent: 'Purchase_Intent', sentiment: 'Positive', personalData: true }),
  ],
  review: (w, random) => [
    pub(
      'Inbound',
      'Review',
      pick(random, [
        `★★★★★ The ${w.product} is exactly as described, fast delivery.`,
        `★★★☆☆ Good ${w.product}, but delivery took two weeks.`,
        `★☆☆☆☆ Arrived damaged and the return process is confusing.`,
      ]),
      {
        intent: 'Other',
        sentiment: pick(random, ['Positive', 'Mixed', 'Negative']),
      },
    ),
  ],
  accidentalPersonalData: (w) => [
    pub('Inbound', 'Comment', `Can someone call me about my account? My number is ${w.phone}`, {
      intent: 'Question',
      sentiment: 'Neutral',
      personalData: true,
    }),
    pub('Outbound', 'Reply', `Hi ${w.first}, to protect your privacy we've hidden this comment. We've sent you a DM.`),
    dm('Outbound', `Hi ${w.first}, happy to call you. What time works best?`),
  ],
};

const SCENARIO_WEIGHTS: Array<[string, number]> = [
  ['question', 30],
  ['complaint', 20],
  ['vent', 6],
  ['praise', 18],
  ['purchase', 8],
  ['review', 12],
  ['accidentalPersonalData', 3],
];

function pickScenario(random: Random, advocate: boolean): string {
  if (advocate && chance(random, 0.5)) return 'praise';
  const total = SCENARIO_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [name, weight] of SCENARIO_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'question';
}

export function postId(random: Random, network: string, identity: DemoIdentity, isPrivate: boolean): string {
  const digits = (count: number) => characters(random, '0123456789', count);
  if (isPrivate) return `dm-${digits(16)}`;
  switch (network) {
    case 'x':
      return `186${digits(16)}`;
    case 'facebook':
      return `${String(identity.fields.Network_User_Id__c)}_${digits(12)}`;
    case 'instagram':
      return characters(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 11);
    case 'linkedin':
      return `urn:li:activity:7${digits(18)}`;
    case 'youtube':
      return `Ugx${characters(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 20)}`;
    case 'reddit':
      return `t1_${characters(random, 'abcdefghijklmnopqrstuvwxyz0123456789', 7)}`;
    default:
      return `p-${digits(7)}`;
  }
}

export interface ThreadOptions {
  identity: DemoIdentity;
  identityId: string;
  start: Date;
  now: Date;
  caseId?: string;
  /** Force the thread to end on an unanswered inbound message (the open queue). */
  open?: boolean;
  usedIds: Set<string>;
}

/** The interaction records of one thread, in posting order. */
export function threadInteractions(random: Random, options: ThreadOptions): Array<Record<string, unknown>> {
  const { identity, now } = options;
  const network = identity.network;
  const channel = channelByKey(network);
  const scenario = pickScenario(random, identity.advocate);
  let steps = SCENARIOS[scenario]!(words(random, identity), random);
  if (!channel.Supports_Private_Messages__c) {
    steps = steps.filter((step) => step.visibility === 'Public');
  }
  if (options.open) {
    // Cut the thread after its first inbound message: nobody has answered yet.
    steps = [steps.find((step) => step.direction === 'Inbound')!];
  }
  const records: Array<Record<string, unknown>> = [];
  let postedAt = options.start.getTime();
  let threadKey = '';
  let previousExternalId: string | undefined;
  for (const [index, step] of steps.entries()) {
    if (index > 0) postedAt += between(random, 4, 240) * MINUTE;
    if (postedAt > now.getTime()) break;
    let id = postId(random, network, identity, step.visibility === 'Private');
    while (options.usedIds.has(`${network}:${id}`))
      id = postId(random, network, identity, step.visibility === 'Private');
    options.usedIds.add(`${network}:${id}`);
    const externalId = `${network}:${id}`;
    threadKey ||= externalId;
    const person = identity.person;
    const record: Record<string, unknown> = {
      External_Id__c: externalId,
      Identity__c: options.identityId,
      Contact__c: person?.contactId ?? null,
      Lead__c: person?.leadId ?? null,
      Account__c: person?.accountId ?? null,
      Case__c: options.caseId ?? null,
      Network__c: network,
      Direction__c: step.direction,
      Visibility__c: step.visibility,
      Kind__c: step.kind,
      Body__c: step.body,
      Permalink__c:
        step.visibility === 'Public'
          ? channel.Post_URL_Template__c.replace('{handle}', identity.handle).replace('{postId}', id)
          : null,
      Posted_At__c: new Date(postedAt).toISOString(),
      Thread_Key__c: threadKey,
      In_Reply_To__c: previousExternalId ?? null,
      Sentiment__c: step.sentiment ?? null,
      Intent__c: step.intent ?? null,
      Contains_Personal_Data__c: step.personalData ?? false,
    };
    records.push(record);
    previousExternalId = externalId;
  }
  assignStatuses(random, records, channel.Response_SLA_Minutes__c, now);
  return records;
}

/** Inbound messages answered later are Responded; the last unanswered one is open or closed by age. */
function assignStatuses(random: Random, records: Array<Record<string, unknown>>, slaMinutes: number, now: Date): void {
  for (const [index, record] of records.entries()) {
    const posted = new Date(String(record.Posted_At__c)).getTime();
    if (record.Direction__c === 'Outbound') {
      record.Status__c = 'Responded';
      const recent = now.getTime() - posted < 2 * 60 * MINUTE;
      record.Delivery_Status__c = recent && chance(random, 0.5) ? 'Queued' : chance(random, 0.02) ? 'Failed' : 'Sent';
      if (record.Delivery_Status__c === 'Failed')
        record.Delivery_Error__c = 'The network rejected the reply: the original post was deleted.';
      continue;
    }
    const needsAnswer =
      record.Intent__c === 'Question' || record.Intent__c === 'Complaint' || record.Intent__c === 'Purchase_Intent';
    if (needsAnswer && record.Visibility__c === 'Public') {
      record.Response_Due_At__c = new Date(posted + slaMinutes * MINUTE).toISOString();
    }
    const answer = records.slice(index + 1).find((later) => later.Direction__c === 'Outbound');
    if (answer) {
      record.Status__c = 'Responded';
      record.First_Response_At__c = answer.Posted_At__c;
      record.Status_Reason__c = null;
    } else if (needsAnswer && now.getTime() - posted < 3 * DAY) {
      record.Status__c = 'Needs_Response';
    } else if (now.getTime() - posted < 2 * DAY) {
      record.Status__c = 'New';
    } else {
      record.Status__c = 'Closed';
      record.Status_Reason__c = pick(random, ['No reply needed', 'Thanked in bulk', 'Resolved by the community']);
    }
  }
}
