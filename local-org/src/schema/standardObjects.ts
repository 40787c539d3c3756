// The standard objects Social Bridge touches, described with their real API names, types, key
// prefixes and relationship names, so SOQL and describe answers look like a real org's.

import { defineField, picklist, systemField } from './fieldDefinition.js';
import type { FieldSchema, ObjectSchema } from './model.js';

/** Fields every object has: id, audit fields, deletion flag, and an owner where records are owned. */
export function systemFields(options: { owned: boolean }): FieldSchema[] {
  const fields = [
    systemField('Id', 'id', { label: 'Record ID', nillable: false, idLookup: true }),
    systemField('IsDeleted', 'boolean', { label: 'Deleted', nillable: false }),
    systemField('CreatedDate', 'datetime', { label: 'Created Date', nillable: false }),
    systemField('CreatedById', 'reference', {
      label: 'Created By ID',
      nillable: false,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
    }),
    systemField('LastModifiedDate', 'datetime', { label: 'Last Modified Date', nillable: false }),
    systemField('LastModifiedById', 'reference', {
      label: 'Last Modified By ID',
      nillable: false,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
    }),
    systemField('SystemModstamp', 'datetime', { label: 'System Modstamp', nillable: false }),
  ];
  if (options.owned) {
    // Defaulted on create to the running user, so not required in a request although not nillable.
    fields.push(
      defineField('OwnerId', 'reference', {
        label: 'Owner ID',
        nillable: false,
        referenceTo: ['User'],
        relationshipName: 'Owner',
      }),
    );
  }
  return fields;
}

function personName(): FieldSchema[] {
  return [
    defineField('FirstName', 'string', { length: 40 }),
    defineField('LastName', 'string', { length: 80, nillable: false }),
    // A compound field: read-only, derived from FirstName and LastName by the store.
    systemField('Name', 'string', { label: 'Full Name', length: 121, nameField: true }),
  ];
}

function standardObject(
  name: string,
  keyPrefix: string,
  labelPlural: string,
  fields: FieldSchema[],
  options: { owned?: boolean; label?: string } = {},
): ObjectSchema {
  const all = [...systemFields({ owned: options.owned ?? true }), ...fields];
  return {
    name,
    label: options.label ?? name,
    labelPlural,
    keyPrefix,
    custom: false,
    fields: new Map(all.map((field) => [field.name.toLowerCase(), field])),
  };
}

const reference = (name: string, to: string[], relationshipName: string, label?: string): FieldSchema =>
  defineField(name, 'reference', { referenceTo: to, relationshipName, ...(label ? { label } : {}) });

export function standardObjects(customObjectNames: string[]): ObjectSchema[] {
  return [
    standardObject(
      'User',
      '005',
      'Users',
      [
        defineField('Username', 'string', { length: 80, nillable: false, unique: true, idLookup: true }),
        ...personName(),
        defineField('Alias', 'string', { length: 8 }),
        defineField('Email', 'email', { nillable: false }),
        defineField('IsActive', 'boolean', { label: 'Active', defaultValue: true }),
        defineField('TimeZoneSidKey', 'picklist', {
          label: 'Time Zone',
          picklistValues: picklist(
            ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin'],
            'America/Los_Angeles',
          ),
          defaultValue: 'America/Los_Angeles',
        }),
        defineField('LanguageLocaleKey', 'picklist', {
          label: 'Language',
          picklistValues: picklist(['en_US'], 'en_US'),
          defaultValue: 'en_US',
        }),
        defineField('Title', 'string', { length: 80 }),
        defineField('Department', 'string', { length: 80 }),
      ],
      { owned: false },
    ),
    standardObject(
      'Organization',
      '00D',
      'Organizations',
      [
        systemField('Name', 'string', { nameField: true, length: 80 }),
        systemField('InstanceName', 'string', { length: 5 }),
        systemField('IsSandbox', 'boolean'),
        systemField('OrganizationType', 'string', { label: 'Edition', length: 40 }),
        systemField('TrialExpirationDate', 'datetime'),
        systemField('NamespacePrefix', 'string', { length: 15 }),
        systemField('LanguageLocaleKey', 'string', { length: 40 }),
        systemField('TimeZoneSidKey', 'string', { length: 40 }),
      ],
      { owned: false },
    ),
    standardObject('Account', '001', 'Accounts', [
      defineField('Name', 'string', { label: 'Account Name', nillable: false, nameField: true }),
      defineField('Type', 'picklist', { picklistValues: picklist(['Prospect', 'Customer', 'Partner', 'Other']) }),
      defineField('Industry', 'picklist', {
        picklistValues: picklist([
          'Apparel',
          'Consulting',
          'Education',
          'Hospitality',
          'Media',
          'Retail',
          'Technology',
        ]),
      }),
      defineField('Website', 'url'),
      defineField('Phone', 'phone'),
      defineField('BillingCity', 'string', { length: 40 }),
      defineField('BillingCountry', 'string', { length: 80 }),
      defineField('NumberOfEmployees', 'int', { label: 'Employees', precision: 8 }),
      defineField('Description', 'textarea', { length: 32000 }),
    ]),
    standardObject('Contact', '003', 'Contacts', [
      ...personName(),
      reference('AccountId', ['Account'], 'Account', 'Account ID'),
      defineField('Title', 'string', { length: 128 }),
      defineField('Email', 'email', { idLookup: true }),
      defineField('Phone', 'phone', { label: 'Business Phone' }),
      defineField('MobilePhone', 'phone', { label: 'Mobile Phone' }),
      defineField('MailingCity', 'string', { length: 40 }),
      defineField('MailingCountry', 'string', { length: 80 }),
      defineField('LeadSource', 'picklist', {
        picklistValues: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Social', 'Other']),
      }),
      defineField('Description', 'textarea', { length: 32000 }),
    ]),
    standardObject('Lead', '00Q', 'Leads', [
      ...personName(),
      defineField('Company', 'string', { nillable: false }),
      defineField('Title', 'string', { length: 128 }),
      defineField('Email', 'email', { idLookup: true }),
      defineField('Phone', 'phone'),
      defineField('MobilePhone', 'phone', { label: 'Mobile Phone' }),
      defineField('Status', 'picklist', {
        label: 'Lead Status',
        nillable: false,
        picklistValues: picklist(
          ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
          'Open - Not Contacted',
        ),
        defaultValue: 'Open - Not Contacted',
      }),
      defineField('LeadSource', 'picklist', {
        picklistValues: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Social', 'Other']),
      }),
      defineField('IsConverted', 'boolean', { label: 'Converted', updateable: false, defaultValue: false }),
      systemField('ConvertedContactId', 'reference', {
        referenceTo: ['Contact'],
        relationshipName: 'ConvertedContact',
      }),
      systemField('ConvertedAccountId', 'reference', {
        referenceTo: ['Account'],
        relationshipName: 'ConvertedAccount',
      }),
      // Set by convertLead() only (SOAP API Developer Guide, "Lead": ConvertedDate is read-only).
      systemField('ConvertedDate', 'date', { label: 'Converted Date' }),
      defineField('Description', 'textarea', { length: 32000 }),
    ]),
    standardObject('Case', '500', 'Cases', [
      systemField('CaseNumber', 'string', {
        label: 'Case Number',
        length: 30,
        autoNumber: true,
        nameField: true,
        displayFormat: '{00000000}',
      }),
      reference('ContactId', ['Contact'], 'Contact', 'Contact ID'),
      reference('AccountId', ['Account'], 'Account', 'Account ID'),
      defineField('Subject', 'string'),
      defineField('Description', 'textarea', { length: 32000 }),
      defineField('Status', 'picklist', {
        picklistValues: picklist(['New', 'Working', 'Escalated', 'Closed'], 'New'),
        defaultValue: 'New',
      }),
      defineField('Origin', 'picklist', {
        label: 'Case Origin',
        picklistValues: picklist(['Phone', 'Email', 'Web', 'Social']),
      }),
      defineField('Priority', 'picklist', {
        picklistValues: picklist(['High', 'Medium', 'Low'], 'Medium'),
        defaultValue: 'Medium',
      }),
      defineField('Type', 'picklist', { picklistValues: picklist(['Question', 'Problem', 'Feature Request']) }),
      systemField('IsClosed', 'boolean', { label: 'Closed' }),
      systemField('ClosedDate', 'datetime', { label: 'Closed Date' }),
    ]),
    standardObject('Task', '00T', 'Tasks', [
      defineField('Subject', 'string', { nameField: true }),
      reference('WhoId', ['Contact', 'Lead'], 'Who', 'Name ID'),
      // Any activity-enabled object; our custom objects enable activities.
      reference('WhatId', ['Account', 'Case', ...customObjectNames], 'What', 'Related To ID'),
      defineField('ActivityDate', 'date', { label: 'Due Date Only' }),
      defineField('Status', 'picklist', {
        nillable: false,
        picklistValues: picklist(
          ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
          'Not Started',
        ),
        defaultValue: 'Not Started',
      }),
      defineField('Priority', 'picklist', {
        nillable: false,
        picklistValues: picklist(['High', 'Normal', 'Low'], 'Normal'),
        defaultValue: 'Normal',
      }),
      defineField('Description', 'textarea', { label: 'Comments', length: 32000 }),
      defineField('TaskSubtype', 'picklist', {
        picklistValues: picklist(['Task', 'Email', 'Call']),
        defaultValue: 'Task',
      }),
      systemField('IsClosed', 'boolean', { label: 'Closed' }),
    ]),
  ];
}
