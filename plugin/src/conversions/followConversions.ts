// Identities and interactions follow a converted Lead to its Contact (and Account). Salesforce's
// convertLead() sets Lead.IsConverted, ConvertedContactId and ConvertedAccountId but moves no custom
// lookup (SOAP API Developer Guide, "convertLead()"), so both commands start with this stage:
// - an identity on a converted Lead moves to the Contact, keeping its status and its source (a rep's
//   link stays a rep's link), with Matched_By_Rule__c "followed lead conversion" and a note naming the
//   Lead, so the panel and field history say why;
// - an interaction on a converted Lead moves to the Contact and the Account.
// Once moved, nothing points at the converted Lead any more, and the deploy's resolver never matches a
// converted Lead (resolve.ts), so a link never moves back and a second run finds nothing to do.
import type { OrgClient } from '../org/client.js';
import { DailyLimitError } from '../org/errors.js';

export const FOLLOWED_CONVERSION_RULE = 'followed lead conversion';

export interface ConversionMove {
  object: 'Social_Identity__c' | 'Social_Interaction__c';
  recordId: string;
  leadId: string;
  contactId: string;
  accountId: string | null;
  /** Absent when moved (or planned on --dry-run); the org's reason when the write failed. */
  error?: string;
}

/** Reported in each command's result as its own outcome ("followedConversions"). */
export interface FollowedConversions {
  identities: number;
  interactions: number;
  failed: number;
  moves: ConversionMove[];
}

interface OnConvertedLead extends Record<string, unknown> {
  Id: string;
  Lead__c: string;
  Lead__r: { ConvertedContactId: string | null; ConvertedAccountId: string | null } | null;
}

const MOVED_OBJECTS = ['Social_Identity__c', 'Social_Interaction__c'] as const;

/**
 * The reads of what still points at a converted Lead, one query per moved object, in MOVED_OBJECTS'
 * order: a command may send them along with its own first reads (one composite request carries them all).
 */
export const CONVERTED_LEAD_QUERIES: readonly string[] = MOVED_OBJECTS.map(
  (objectName) =>
    `SELECT Id, Lead__c, Lead__r.ConvertedContactId, Lead__r.ConvertedAccountId FROM ${objectName} WHERE Lead__r.IsConverted = true`,
);

/**
 * What still points at a converted Lead, identities and interactions, read in one call (one composite
 * request carries both queries). When no call is left today, nothing is read or moved here: the next
 * stage meets the same daily limit and reports every row as not attempted.
 */
async function recordsOnConvertedLeads(org: OrgClient): Promise<Array<Array<Record<string, unknown>>>> {
  try {
    return await org.queryMany(CONVERTED_LEAD_QUERIES);
  } catch (error) {
    if (error instanceof DailyLimitError) return [];
    throw error;
  }
}

/** Pure: the moves the records of CONVERTED_LEAD_QUERIES call for (none for a read that did not happen). */
function movesOf(read: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>): ConversionMove[] {
  return MOVED_OBJECTS.flatMap((objectName, index) =>
    ((read[index] ?? []) as OnConvertedLead[]).flatMap((record) => {
      const contactId = record.Lead__r?.ConvertedContactId;
      if (!contactId) return [];
      return [
        {
          object: objectName,
          recordId: record.Id,
          leadId: record.Lead__c,
          contactId,
          accountId: record.Lead__r?.ConvertedAccountId ?? null,
        },
      ];
    }),
  );
}

/** The write that moves one record off its converted Lead. */
export function conversionWrite(move: ConversionMove): Record<string, unknown> & { Id: string } {
  if (move.object === 'Social_Identity__c') {
    return {
      Id: move.recordId,
      Contact__c: move.contactId,
      Lead__c: null,
      Matched_By_Rule__c: FOLLOWED_CONVERSION_RULE,
      Link_Note__c: `Followed lead conversion: Lead ${move.leadId} became Contact ${move.contactId}`,
    };
  }
  return { Id: move.recordId, Contact__c: move.contactId, Account__c: move.accountId, Lead__c: null };
}

/**
 * Moves what points at a converted Lead. `read`: the records of CONVERTED_LEAD_QUERIES when the command
 * sent them with its own reads (an empty list when the daily limit stopped that read); else they are read here.
 */
export async function followLeadConversions(
  org: OrgClient,
  options: { dryRun: boolean; read?: ReadonlyArray<ReadonlyArray<Record<string, unknown>>> },
): Promise<FollowedConversions> {
  const moves = movesOf(options.read ?? (await recordsOnConvertedLeads(org)));
  if (!options.dryRun) {
    for (const object of MOVED_OBJECTS) {
      const ofObject = moves.filter((move) => move.object === object);
      if (ofObject.length === 0) continue;
      const outcomes = await org.updateCollections(object, ofObject.map(conversionWrite));
      outcomes.forEach((outcome, index) => {
        if (!outcome.success) ofObject[index]!.error = outcome.error ?? 'the org refused the write';
      });
    }
  }
  const moved = (object: ConversionMove['object']): number =>
    moves.filter((move) => move.object === object && move.error === undefined).length;
  return {
    identities: moved('Social_Identity__c'),
    interactions: moved('Social_Interaction__c'),
    failed: moves.filter((move) => move.error !== undefined).length,
    moves,
  };
}
