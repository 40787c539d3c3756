// convertLead(): turns a Lead into a Contact and Account (new ones, or merged into given ones) and
// marks the Lead converted, as the SOAP API Developer Guide's "convertLead()" describes:
// - without accountId a new Account is created from the Lead (Company -> Name); without contactId a
//   new Contact is created in that Account from the Lead's person fields;
// - with contactId (which needs accountId, and must belong to it) the Lead merges into the Contact:
//   "only empty fields in the target object are overwritten", except LeadSource when
//   overwriteLeadSource is true;
// - the Lead gets IsConverted, ConvertedContactId, ConvertedAccountId, ConvertedDate and the
//   convertedStatus, fields no API client may write itself.
// Each LeadConvert is all or nothing (a failed one leaves no new Account behind), and answers one
// LeadConvertResult (leadId, accountId, contactId, opportunityId, success, errors).
// The local org has no Opportunity object: a conversion must pass doNotCreateOpportunity=true.

import type { RecordStore, SaveError, StoredRecord } from '../data/store.js';

export interface LeadConvert {
  leadId?: string;
  convertedStatus?: string;
  doNotCreateOpportunity: boolean;
  accountId?: string;
  contactId?: string;
  overwriteLeadSource: boolean;
}

export interface LeadConvertResult {
  leadId: string | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: SaveError[];
}

/**
 * Lead Status values whose LeadStatus has IsConverted = true: the org's default converted status.
 * (A real org reads them with `SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true`.)
 */
export const CONVERTED_LEAD_STATUSES: readonly string[] = ['Closed - Converted'];

/** Lead field -> Account field, filled when the Account's is empty (the standard lead field mapping). */
const ACCOUNT_FROM_LEAD: Readonly<Record<string, string>> = { Company: 'Name', Phone: 'Phone' };
const CONTACT_FROM_LEAD: Readonly<Record<string, string>> = {
  FirstName: 'FirstName',
  LastName: 'LastName',
  Title: 'Title',
  Email: 'Email',
  Phone: 'Phone',
  MobilePhone: 'MobilePhone',
  LeadSource: 'LeadSource',
  Description: 'Description',
};

class ConversionError extends Error {
  constructor(readonly errors: SaveError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

const refuse = (statusCode: string, message: string, fields: string[] = []): ConversionError =>
  new ConversionError([{ statusCode, message, fields }]);

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

/** The fields of `target` (empty ones only, unless `always` names them) the Lead fills. */
function mergeFields(
  lead: StoredRecord,
  mapping: Readonly<Record<string, string>>,
  target: StoredRecord | undefined,
  always: readonly string[] = [],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [leadField, targetField] of Object.entries(mapping)) {
    const value = lead[leadField];
    if (isEmpty(value)) continue;
    if (!target || isEmpty(target[targetField]) || always.includes(targetField)) {
      fields[targetField] = value;
    }
  }
  return fields;
}

function recordOf(store: RecordStore, objectName: string, id: string, argument: string): StoredRecord {
  const found = store.get(id);
  if (!found || found.objectName !== objectName) {
    throw refuse(
      'INVALID_CROSS_REFERENCE_KEY',
      `invalid cross reference id: ${argument} ${id} is not a ${objectName}`,
      [argument],
    );
  }
  return found.record;
}

function saved(result: ReturnType<RecordStore['create']>): string {
  if (!result.success) throw new ConversionError(result.errors);
  return result.id;
}

function convertOne(store: RecordStore, request: LeadConvert, today: string): LeadConvertResult {
  if (!request.leadId) throw refuse('REQUIRED_FIELD_MISSING', 'leadId is required', ['leadId']);
  const lead = recordOf(store, 'Lead', request.leadId, 'leadId');
  if (lead.IsConverted === true) {
    throw refuse(
      'CANNOT_UPDATE_CONVERTED_LEAD',
      `Lead ${lead.Id} was already converted (to Contact ${String(lead.ConvertedContactId)}).`,
      ['leadId'],
    );
  }
  if (!request.convertedStatus || !CONVERTED_LEAD_STATUSES.includes(request.convertedStatus)) {
    throw refuse(
      'INVALID_STATUS',
      `invalid convertedStatus: ${request.convertedStatus ?? '(none)'}; use a Lead Status whose IsConverted is true: ${CONVERTED_LEAD_STATUSES.join(', ')}`,
      ['convertedStatus'],
    );
  }
  if (!request.doNotCreateOpportunity) {
    throw refuse(
      'INVALID_OPERATION',
      'The local org has no Opportunity object: convert with doNotCreateOpportunity=true.',
      ['doNotCreateOpportunity'],
    );
  }
  if (request.contactId && !request.accountId) {
    throw refuse('REQUIRED_FIELD_MISSING', 'accountId is required when contactId is given', ['accountId']);
  }

  let accountId: string;
  if (request.accountId) {
    const account = recordOf(store, 'Account', request.accountId, 'accountId');
    accountId = account.Id;
    const fill = mergeFields(lead, ACCOUNT_FROM_LEAD, account);
    if (Object.keys(fill).length > 0) saved(store.update('Account', accountId, fill));
  } else {
    accountId = saved(store.create('Account', mergeFields(lead, ACCOUNT_FROM_LEAD, undefined)));
  }

  let contactId: string;
  if (request.contactId) {
    const contact = recordOf(store, 'Contact', request.contactId, 'contactId');
    if (contact.AccountId !== accountId) {
      throw refuse(
        'INVALID_CROSS_REFERENCE_KEY',
        `Contact ${contact.Id} does not belong to Account ${accountId}: contactId must be a contact of accountId`,
        ['contactId'],
      );
    }
    contactId = contact.Id;
    const fill = mergeFields(lead, CONTACT_FROM_LEAD, contact, request.overwriteLeadSource ? ['LeadSource'] : []);
    if (Object.keys(fill).length > 0) saved(store.update('Contact', contactId, fill));
  } else {
    contactId = saved(
      store.create('Contact', { ...mergeFields(lead, CONTACT_FROM_LEAD, undefined), AccountId: accountId }),
    );
  }

  saved(
    store.platformUpdate('Lead', lead.Id, {
      Status: request.convertedStatus,
      IsConverted: true,
      ConvertedContactId: contactId,
      ConvertedAccountId: accountId,
      ConvertedDate: today,
    }),
  );
  return { leadId: lead.Id, accountId, contactId, opportunityId: null, success: true, errors: [] };
}

/** Converts one Lead as one unit of work: on any error nothing it wrote stays. */
export function convertLead(store: RecordStore, request: LeadConvert, today: string): LeadConvertResult {
  try {
    return store.atomically(
      () => convertOne(store, request, today),
      (result) => result.success,
    );
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    return {
      leadId: null,
      accountId: null,
      contactId: null,
      opportunityId: null,
      success: false,
      errors: error.errors,
    };
  }
}
