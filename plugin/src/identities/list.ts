// Reads social identities for `sf social identities list`, optionally those of one Contact.
import { OrgClient, type OrgConnection } from '../org/client.js';
import { quoteSoql } from '../org/soql.js';

export interface IdentityListEntry {
  id: string;
  name: string;
  externalId: string;
  network: string;
  handle: string | null;
  contactId: string | null;
  leadId: string | null;
  linkStatus: string | null;
  linkSource: string | null;
  matchedByRule: string | null;
}

/** The JSON result of `sf social identities list`. */
export interface IdentityListResult {
  identities: IdentityListEntry[];
}

export async function listIdentities(connection: OrgConnection, contactId?: string): Promise<IdentityListResult> {
  const where = contactId === undefined ? '' : ` WHERE Contact__c = ${quoteSoql(contactId)}`;
  const records = await new OrgClient(connection).queryAll<Record<string, string | null>>(
    `SELECT Id, Name, External_Id__c, Network__c, Handle__c, Contact__c, Lead__c, Link_Status__c, Link_Source__c, Matched_By_Rule__c FROM Social_Identity__c${where} ORDER BY Network__c, Name`,
  );
  return {
    identities: records.map((record) => ({
      id: String(record.Id),
      name: String(record.Name),
      externalId: String(record.External_Id__c),
      network: String(record.Network__c),
      handle: record.Handle__c ?? null,
      contactId: record.Contact__c ?? null,
      leadId: record.Lead__c ?? null,
      linkStatus: record.Link_Status__c ?? null,
      linkSource: record.Link_Source__c ?? null,
      matchedByRule: record.Matched_By_Rule__c ?? null,
    })),
  };
}
