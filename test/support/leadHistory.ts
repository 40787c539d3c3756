// Test data for lead-conversion tests: a public question an identity posted on X while its person
// was still a Lead (the history a conversion must carry to the Contact).
export function publicPostOnLead(post: {
  externalId: string;
  identityId: string;
  leadId: string;
  body: string;
  postedAt: string;
}): Record<string, unknown> {
  return {
    External_Id__c: post.externalId,
    Identity__c: post.identityId,
    Lead__c: post.leadId,
    Network__c: 'x',
    Direction__c: 'Inbound',
    Visibility__c: 'Public',
    Kind__c: 'Post',
    Body__c: post.body,
    Posted_At__c: post.postedAt,
    Thread_Key__c: post.externalId,
    Status__c: 'New',
  };
}

/**
 * Converts a Lead as an API client does on a real org: jsforce's SOAP convertLead() (no Opportunity,
 * which the local org does not have). Throws when the org refuses.
 */
export async function convertLeadWithSoap(
  conn: { soap: { convertLead(request: never): Promise<unknown> } },
  leadId: string,
): Promise<{ contactId: string; accountId: string }> {
  const result = (await conn.soap.convertLead({
    leadId,
    convertedStatus: 'Closed - Converted',
    doNotCreateOpportunity: true,
  } as never)) as { success: boolean; contactId: string | null; accountId: string | null; errors: unknown[] };
  if (!result.success || !result.contactId || !result.accountId) {
    throw new Error(`convertLead(${leadId}) failed: ${JSON.stringify(result.errors)}`);
  }
  return { contactId: result.contactId, accountId: result.accountId };
}
