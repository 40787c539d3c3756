// The write for one interaction: what the org should hold, compared with what it holds, field by
// field. Pure: tested without an org. Only differences are written, which is why importing the same
// file twice changes nothing. Some fields are set only when the record is created (thread key, status,
// response due time): after that they belong to the reps and to threading's stability.
import { publicPersonalData } from '../personalData/publicPost.js';
import type { Interaction } from './interaction.js';
import type { StatusDecision } from './status.js';
import type { ThreadAssignment } from './thread.js';

export const INTERACTION_OUTCOMES = [
  'created',
  'updated',
  'deleted',
  'unchanged',
  'duplicate',
  'rejected',
  'failed',
] as const;
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

/** The Social_Interaction__c fields an import reads. */
export const INTERACTION_FIELDS = [
  'Id',
  'External_Id__c',
  'Identity__c',
  'Contact__c',
  'Lead__c',
  'Account__c',
  'Network__c',
  'Direction__c',
  'Visibility__c',
  'Kind__c',
  'Body__c',
  'Permalink__c',
  'Posted_At__c',
  'Thread_Key__c',
  'In_Reply_To__c',
  'Sentiment__c',
  'Intent__c',
  'Status__c',
  'Response_Due_At__c',
  'Edited_At__c',
  'Deleted_On_Network__c',
  'Contains_Personal_Data__c',
] as const;

export type ExistingInteraction = { Id: string; External_Id__c: string } & Partial<
  Record<(typeof INTERACTION_FIELDS)[number], string | number | boolean | null>
>;

/** The records an interaction is shown on, from its identity's link (Linked only: a suggestion is not a link). */
export interface RecordLink {
  identityId?: string;
  contactId?: string;
  leadId?: string;
  accountId?: string;
}

export interface InteractionPlanInput {
  interaction: Interaction;
  existing?: ExistingInteraction;
  link: RecordLink;
  thread?: ThreadAssignment;
  status?: StatusDecision;
}

export interface InteractionWrite {
  outcome: InteractionOutcome;
  /** Fields to upsert by External_Id__c (differences only; null clears); absent when nothing changes. */
  fields?: Record<string, unknown>;
  reason?: string;
}

export function planInteraction(input: InteractionPlanInput): InteractionWrite {
  const { interaction, existing, link } = input;

  if (existing?.Deleted_On_Network__c === true && !interaction.deleted) {
    return {
      outcome: 'unchanged',
      reason: 'deleted on the network earlier: its body is not restored from an older export',
    };
  }
  if (
    existing === undefined &&
    interaction.deleted &&
    (interaction.postedAt === undefined || interaction.identity === undefined)
  ) {
    return { outcome: 'unchanged', reason: 'deleted on the network before it was imported: nothing to store' };
  }

  const desired: Record<string, unknown> = {
    Network__c: interaction.network,
    Direction__c: interaction.direction,
    Visibility__c: interaction.visibility,
    Kind__c: interaction.kind,
  };
  if (interaction.identity !== undefined) {
    desired.Identity__c = link.identityId ?? null;
    desired.Contact__c = link.contactId ?? null;
    desired.Lead__c = link.leadId ?? null;
    desired.Account__c = link.accountId ?? null;
  }
  // What the export does not carry stays as it is: absent means unknown, not empty.
  if (interaction.postedAt !== undefined) desired.Posted_At__c = interaction.postedAt;
  if (interaction.body !== undefined) {
    desired.Body__c = interaction.body;
    desired.Contains_Personal_Data__c = publicPersonalData(interaction.visibility, interaction.body);
  }
  if (interaction.permalink !== undefined) desired.Permalink__c = interaction.permalink;
  if (interaction.inReplyTo !== undefined) desired.In_Reply_To__c = interaction.inReplyTo;
  if (interaction.sentiment !== undefined) desired.Sentiment__c = interaction.sentiment;
  if (interaction.intent !== undefined) desired.Intent__c = interaction.intent;
  if (interaction.editedAt !== undefined) desired.Edited_At__c = interaction.editedAt;
  if (interaction.deleted) {
    // Honour the deletion: the text goes, the fact that there was a message stays in the thread.
    desired.Deleted_On_Network__c = true;
    desired.Body__c = null;
    desired.Contains_Personal_Data__c = false;
  }

  if (existing === undefined) {
    const fields: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(desired))
      if (value !== null && value !== undefined) fields[field] = value;
    // Unflagged is the field's default: a new record needs it only when the detector found something.
    if (fields.Contains_Personal_Data__c === false) delete fields.Contains_Personal_Data__c;
    fields.Thread_Key__c = input.thread?.threadKey ?? interaction.externalId;
    const status = input.status;
    if (status !== undefined) {
      fields.Status__c = status.status;
      if (status.responseDueAt !== undefined) fields.Response_Due_At__c = status.responseDueAt;
      if (status.firstResponseAt !== undefined) fields.First_Response_At__c = status.firstResponseAt;
      if (status.reason !== undefined) fields.Status_Reason__c = `Import: ${status.reason}`.slice(0, 255);
    }
    // Imported outbound messages are already on the network.
    if (interaction.direction === 'Outbound') fields.Delivery_Status__c = 'Sent';
    return { outcome: interaction.deleted ? 'deleted' : 'created', fields };
  }

  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(desired)) {
    if (!sameValue(value, existing[field as keyof ExistingInteraction])) fields[field] = value;
  }
  if (Object.keys(fields).length === 0) return { outcome: 'unchanged' };
  if (interaction.deleted && fields.Deleted_On_Network__c === true) {
    return { outcome: 'deleted', fields, reason: 'deleted on the network: body cleared' };
  }
  return { outcome: 'updated', fields, reason: `changed: ${Object.keys(fields).join(', ')}` };
}

const RECORD_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Compares what we want with what the org returned: ids on 15 characters, date-times as instants. */
export function sameValue(desired: unknown, current: unknown): boolean {
  const empty = (value: unknown): boolean => value === null || value === undefined || value === '';
  if (empty(desired) && empty(current)) return true;
  if (typeof desired === 'boolean' || typeof current === 'boolean')
    return String(desired ?? false) === String(current ?? false);
  if (empty(desired) || empty(current)) return false;
  if (typeof desired === 'number' || typeof current === 'number') return Number(desired) === Number(current);
  const a = String(desired);
  const b = String(current);
  if (RECORD_ID.test(a) && RECORD_ID.test(b) && a.length !== b.length) return a.slice(0, 15) === b.slice(0, 15);
  if (DATE_TIME.test(a) && DATE_TIME.test(b)) return parseOrgDateTime(a) === parseOrgDateTime(b);
  return a === b;
}

/** The REST API writes "+0000" without a colon, which Date.parse reads in V8 but not by the standard. */
function parseOrgDateTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
