// Lead conversion in the local org, as an API client does it on a real org: the partner SOAP API's
// convertLead() through jsforce 3 (`connection.soap.convertLead`), then REST, SOQL and the official
// `sf data query` reading the converted Lead.
// Sources: SOAP API Developer Guide, "convertLead()" (new or merged Account and Contact; "only empty
// fields in the target object are overwritten" unless overwriteLeadSource; contactId needs accountId)
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm
// and "LeadConvertResult" (accountId, contactId, leadId, opportunityId, success, errors)
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead_leadconvertresult.htm
// Lead fields IsConverted, ConvertedContactId, ConvertedAccountId, ConvertedDate are read-only to clients
// (Object Reference, "Lead").

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LeadConvertResult } from 'jsforce/lib/api/soap/schema.js';
import { expectSuccess, isolatedSf, type SfCli } from '../support/sfCli.js';
import { errorCodeOf, startSession, type Session } from './localOrgSession.js';

let session: Session;

beforeAll(async () => {
  session = await startSession({ empty: true });
});

afterAll(async () => {
  await session.org.stop();
});

async function newLead(fields: Record<string, unknown>): Promise<string> {
  const result = await session.conn.sobject('Lead').create({ Company: 'Fjord Cycles', LastName: 'Berg', ...fields });
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id;
}

async function count(objectName: string): Promise<number> {
  return (await session.conn.query(`SELECT Id FROM ${objectName}`)).totalSize;
}

/** One LeadConvert through jsforce; the jsforce types pass the WSDL's required booleans, optional here. */
async function convert(request: Record<string, unknown>): Promise<LeadConvertResult> {
  return (await session.conn.soap.convertLead(request as never)) as unknown as LeadConvertResult;
}

const today = new Date().toISOString().slice(0, 10);

describe('convertLead() through the SOAP API', () => {
  it('creates an Account and a Contact from the Lead and marks the Lead converted', async () => {
    const leadId = await newLead({
      FirstName: 'Ada',
      Email: 'ada.berg@example.com',
      Phone: '+47 555 0100',
      LeadSource: 'Social',
    });
    const result = await convert({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    });
    expect(result).toMatchObject({ leadId, success: true, opportunityId: null, errors: [] });
    expect(result.contactId).toMatch(/^003\w{15}$/);
    expect(result.accountId).toMatch(/^001\w{15}$/);

    const lead = await session.conn.sobject('Lead').retrieve(leadId);
    expect(lead).toMatchObject({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedContactId: result.contactId,
      ConvertedAccountId: result.accountId,
      ConvertedDate: today,
    });
    const contact = await session.conn.sobject('Contact').retrieve(result.contactId!);
    expect(contact).toMatchObject({
      FirstName: 'Ada',
      LastName: 'Berg',
      Email: 'ada.berg@example.com',
      Phone: '+47 555 0100',
      LeadSource: 'Social',
      AccountId: result.accountId,
    });
    const account = await session.conn.sobject('Account').retrieve(result.accountId!);
    expect(account).toMatchObject({ Name: 'Fjord Cycles', Phone: '+47 555 0100' });

    // SOQL filters and relationship fields on the conversion fields, as a real org allows.
    const byContact = await session.conn.query<{ Id: string; ConvertedContact: { Email: string } }>(
      `SELECT Id, ConvertedContact.Email FROM Lead WHERE IsConverted = true AND ConvertedContactId = '${result.contactId}'`,
    );
    expect(byContact.records.map((record) => [record.Id, record.ConvertedContact.Email])).toEqual([
      [leadId, 'ada.berg@example.com'],
    ]);
  });

  it('merges into a given Account and Contact, filling only their empty fields', async () => {
    const account = await session.conn.sobject('Account').create({ Name: 'Existing Co' });
    const contact = await session.conn.sobject('Contact').create({
      LastName: 'Berg-Olsen',
      Email: 'kept@example.com',
      AccountId: account.id,
      LeadSource: 'Web',
    });
    const leadId = await newLead({ Email: 'lead@example.com', Title: 'Buyer', LeadSource: 'Social' });
    const before = { contacts: await count('Contact'), accounts: await count('Account') };
    const [result] = (await session.conn.soap.convertLead([
      {
        leadId,
        convertedStatus: 'Closed - Converted',
        doNotCreateOpportunity: true,
        accountId: account.id,
        contactId: contact.id,
      } as never,
    ])) as LeadConvertResult[];
    expect(result).toMatchObject({ success: true, contactId: contact.id, accountId: account.id });
    expect({ contacts: await count('Contact'), accounts: await count('Account') }).toEqual(before);
    expect(await session.conn.sobject('Contact').retrieve(contact.id!)).toMatchObject({
      LastName: 'Berg-Olsen',
      Email: 'kept@example.com',
      Title: 'Buyer',
      LeadSource: 'Web',
    });
    expect(await session.conn.sobject('Account').retrieve(account.id!)).toMatchObject({ Name: 'Existing Co' });
  });

  it("overwrites the Contact's LeadSource only with overwriteLeadSource", async () => {
    const account = await session.conn.sobject('Account').create({ Name: 'Source Co' });
    const contact = await session.conn.sobject('Contact').create({
      LastName: 'Lind',
      AccountId: account.id,
      LeadSource: 'Web',
    });
    const leadId = await newLead({ LeadSource: 'Social' });
    const result = await convert({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
      overwriteLeadSource: true,
      accountId: account.id,
      contactId: contact.id,
    });
    expect(result.success).toBe(true);
    expect(await session.conn.sobject('Contact').retrieve(contact.id!)).toMatchObject({ LeadSource: 'Social' });
  });

  it('answers errors per lead and leaves nothing behind from a failed conversion', async () => {
    const leadId = await newLead({});
    const accountsBefore = await count('Account');
    const results = (await session.conn.soap.convertLead([
      { leadId, convertedStatus: 'Working - Contacted', doNotCreateOpportunity: true },
      { leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: false },
      { leadId: '00Q000000000999AAA', convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true },
    ] as never)) as LeadConvertResult[];
    expect(results.map((result) => [result.success, result.errors[0]?.statusCode])).toEqual([
      [false, 'INVALID_STATUS'],
      [false, 'INVALID_OPERATION'],
      [false, 'INVALID_CROSS_REFERENCE_KEY'],
    ]);
    expect(await count('Account')).toBe(accountsBefore);
    expect(await session.conn.sobject('Lead').retrieve(leadId)).toMatchObject({ IsConverted: false });

    const contact = await session.conn.sobject('Contact').create({ LastName: 'Alone' });
    const account = await session.conn.sobject('Account').create({ Name: 'Other Co' });
    const wrongAccount = await convert({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
      accountId: account.id,
      contactId: contact.id,
    });
    expect(wrongAccount.errors[0]?.statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(await session.conn.sobject('Lead').retrieve(leadId)).toMatchObject({ IsConverted: false });
  });

  it('converts a Lead once, and keeps the conversion fields read-only to REST', async () => {
    const leadId = await newLead({});
    const request = { leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true };
    const first = await convert(request);
    const again = await convert(request);
    expect(first.success).toBe(true);
    expect(again).toMatchObject({ success: false, errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD' }] });
    expect(
      await errorCodeOf(session.conn.sobject('Lead').update({ Id: leadId, ConvertedContactId: null } as never)),
    ).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  // Salesforce Help, knowledge article 000384333: CANNOT_UPDATE_CONVERTED_LEAD when a converted Lead is
  // changed or its Id referenced after conversion ("cannot reference converted lead"); only
  // ConvertedAccountId and ConvertedContactId may be referenced from then on.
  it('refuses changing a converted Lead or pointing a new reference at it, and keeps existing links', async () => {
    const leadId = await newLead({ Email: 'kept.link@example.com' });
    const linked = await session.conn.sobject('Social_Identity__c').create({
      External_Id__c: 'x:kept-link',
      Network_User_Id__c: 'kept-link',
      Handle__c: 'kept_link',
      Network__c: 'x',
      Lead__c: leadId,
    });
    if (!linked.success) throw new Error(JSON.stringify(linked));
    const converted = await convert({ leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true });
    expect(converted.success).toBe(true);

    const change = session.conn.sobject('Lead').update({ Id: leadId, Company: 'Renamed' });
    expect(await errorCodeOf(change)).toBe('CANNOT_UPDATE_CONVERTED_LEAD');
    // Through sObject Collections, whose per-record results carry statusCode, message and fields.
    const [pointAt] = await session.conn.sobject('Social_Identity__c').create(
      [
        {
          External_Id__c: 'x:new-link',
          Network_User_Id__c: 'new-link',
          Handle__c: 'new_link',
          Network__c: 'x',
          Lead__c: leadId,
        },
      ],
      { allOrNone: false },
    );
    expect(pointAt).toMatchObject({
      success: false,
      errors: [
        { statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: ['Lead__c'] },
      ],
    });
    // A record that already pointed at the Lead keeps it, and other changes to it still save.
    const note = await session.conn
      .sobject('Social_Identity__c')
      .update({ Id: linked.id, Link_Note__c: 'still linked' });
    expect(note.success).toBe(true);
    expect(await session.conn.sobject('Social_Identity__c').retrieve(linked.id)).toMatchObject({ Lead__c: leadId });
    // Moving the link to the converted Contact is what the platform expects instead.
    const moved = await session.conn
      .sobject('Social_Identity__c')
      .update({ Id: linked.id, Lead__c: null, Contact__c: converted.contactId });
    expect(moved.success).toBe(true);
  });

  it('refuses a SOAP call without a valid session with a SOAP fault', async () => {
    const response = await fetch(`${session.org.url}/services/Soap/u/62.0`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', soapaction: '""' },
      body:
        '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
        '<soapenv:Header><SessionHeader><sessionId>00D000000000001!wrong</sessionId></SessionHeader></soapenv:Header>' +
        '<soapenv:Body><convertLead/></soapenv:Body></soapenv:Envelope>',
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<faultcode>sf:INVALID_SESSION_ID</faultcode>');
  });
});

describe('the official sf CLI reads a converted Lead', () => {
  let cli: SfCli;
  beforeAll(async () => {
    cli = isolatedSf();
    expectSuccess(
      await cli.run(
        [
          'org',
          'login',
          'access-token',
          '--instance-url',
          session.org.url,
          '--no-prompt',
          '--alias',
          'local',
          '--json',
        ],
        { env: { SF_ACCESS_TOKEN: session.org.accessToken } },
      ),
    );
  });
  afterAll(() => rmSync(cli.home, { recursive: true, force: true }));

  it('shows IsConverted, ConvertedDate and the converted Contact with sf data query', async () => {
    const leadId = await newLead({ FirstName: 'Cli', LastName: 'Reader', Email: 'cli.reader@example.com' });
    const result = await convert({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    });
    const run = await cli.run([
      'data',
      'query',
      '--target-org',
      'local',
      '--query',
      `SELECT Id, IsConverted, ConvertedDate, ConvertedContactId, ConvertedContact.Email FROM Lead WHERE Id = '${leadId}'`,
      '--json',
    ]);
    expectSuccess(run);
    const records = (run.json?.result as { records: Array<Record<string, unknown>> }).records;
    expect(records).toEqual([
      expect.objectContaining({
        Id: leadId,
        IsConverted: true,
        ConvertedDate: today,
        ConvertedContactId: result.contactId,
        ConvertedContact: expect.objectContaining({ Email: 'cli.reader@example.com' }),
      }),
    ]);
  });
});
