// The shape of a mapping file (version 1), as a zod schema. Every message says what to write instead,
// because the loader shows it next to the file:line:column of the offending value.
// The TypeScript types of the rest of the plugin are derived from it with z.infer.
import { z } from 'zod';
import { NORMALISATIONS } from '../normalise.js';

/** Identity attributes with a fixed meaning; any other column a source maps becomes a match-only attribute. */
export const IDENTITY_FIELDS = ['network', 'userId', 'handle', 'displayName', 'profileUrl', 'followers'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

const networkKey = z.string({ error: 'write the channel key as text, e.g. x' }).regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
  error: 'a channel key is 1–40 lower-case letters, digits, "_" or "-", e.g. x, facebook, linkedin',
});

const attributeName = z
  .string({ error: 'write the attribute name as text, e.g. email' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    error: 'an attribute name is a letter followed by letters, digits or "_", e.g. email',
  });

const salesforceId = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, {
  error:
    'write a 15- or 18-character record id, e.g. 003000000000001AAA, or a lookup such as { Email: ana@example.com }',
});

const fieldName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: 'write a field API name, e.g. Email or Twitter_Handle__c' });

/** A pair's target: a record id, or one field value that must find exactly one record. */
const recordReference = z.union(
  [
    salesforceId,
    z
      .record(fieldName, z.string({ error: 'write the field value as text' }))
      .refine((lookup) => Object.keys(lookup).length === 1, {
        error: 'a lookup names exactly one field, e.g. { Email: ana@example.com }',
      }),
  ],
  { error: 'write a record id (003…, 00Q…) or a lookup such as { Email: ana@example.com }' },
);

export const channelSchema = z.strictObject({
  key: networkKey,
  name: z
    .string({ error: 'write the label reps see, e.g. X' })
    .min(1)
    .max(80, { error: 'keep the name to 80 characters' }),
  enabled: z.boolean({ error: 'write true or false' }).default(true),
  icon: z.string().max(80).optional(),
  publicReplyLimit: z
    .number({ error: 'write a whole number of characters, e.g. 280' })
    .int()
    .positive()
    .max(999999)
    .optional(),
  lengthCounting: z
    .enum(['Characters', 'X_Weighted'], {
      error: 'write Characters, or X_Weighted for X (URLs count 23, wide characters 2)',
    })
    .optional(),
  responseSlaMinutes: z
    .number({ error: 'write a whole number of minutes, e.g. 60' })
    .int()
    .positive()
    .max(999999)
    .optional(),
  supportsPrivateMessages: z.boolean({ error: 'write true or false' }).optional(),
  profileUrlTemplate: z
    .string()
    .max(255)
    .includes('{handle}', { error: 'include {handle}, e.g. https://x.com/{handle}' })
    .optional(),
  postUrlTemplate: z.string().max(255).optional(),
  sortOrder: z.number({ error: 'write a whole number, e.g. 10' }).int().min(0).max(9999).optional(),
  // The Case Origin a case made from this channel's messages gets: a value of the org's Case Origin
  // picklist (the channel's name is not one, and a restricted picklist refuses it). Not set: Web.
  caseOrigin: z
    .string({ error: 'write a value of the Case Origin picklist, e.g. Social' })
    .min(1)
    .max(40, { error: 'keep the case origin to 40 characters' })
    .optional(),
});

export const ruleSchema = z.strictObject({
  name: z
    .string({ error: 'give the rule a name, e.g. same-email; it is stored on each identity it links' })
    .min(1)
    .max(80, { error: 'keep the rule name to 80 characters (it is stored in Matched_By_Rule__c)' }),
  identity: attributeName,
  record: z
    .string({ error: 'write Contact.<Field> or Lead.<Field>, e.g. Contact.Email' })
    .regex(/^(Contact|Lead)\.[A-Za-z][A-Za-z0-9_]*$/, {
      error: 'write Contact.<Field> or Lead.<Field>, e.g. Contact.Email',
    }),
  normalise: z
    .array(z.enum(NORMALISATIONS, { error: `write one of: ${NORMALISATIONS.join(', ')}` }), {
      error: `write a list, e.g. [lowercase, email-plus]; choose from: ${NORMALISATIONS.join(', ')}`,
    })
    .default([]),
  action: z
    .enum(['link', 'suggest'], { error: 'write link (linked automatically) or suggest (a rep confirms)' })
    .default('suggest'),
  networks: z.array(networkKey, { error: 'write a list of channel keys, e.g. [x, instagram]' }).optional(),
});

const columnsSchema = z
  .record(attributeName, z.string({ error: 'write the column header (CSV) or property name (NDJSON) as text' }))
  .refine((columns) => 'userId' in columns, {
    error: "map userId to the column holding the network's stable account id, e.g. userId: Author ID",
  });

const fileSourceSchema = z.strictObject({
  name: z.string({ error: 'give the source a name, e.g. listening-export' }).min(1),
  file: z.string({ error: 'write the path of the CSV or NDJSON file, relative to this mapping file' }).min(1),
  format: z.enum(['csv', 'ndjson'], { error: 'write csv or ndjson' }).optional(),
  network: networkKey.optional(),
  columns: columnsSchema,
  networkValues: z.record(z.string(), networkKey).optional(),
  delimiter: z.string().length(1, { error: 'write a single character, e.g. ";"' }).optional(),
});

export const pairSchema = z
  .strictObject({
    identity: z
      .string({ error: 'write the identity as network:userId, e.g. x:1234567890' })
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}:.+$/, {
        error: 'write the identity as network:userId, e.g. x:1234567890',
      }),
    handle: z.string().optional(),
    displayName: z.string().optional(),
    profileUrl: z.string().optional(),
    contact: recordReference.optional(),
    lead: recordReference.optional(),
  })
  .refine((pair) => (pair.contact === undefined) !== (pair.lead === undefined), {
    error: 'give either contact: or lead: (exactly one)',
  });

const pairSourceSchema = z.strictObject({
  name: z.string({ error: 'give the source a name, e.g. vip-pairs' }).min(1),
  pairs: z.array(pairSchema, { error: 'write a list of pairs, each with identity: and contact: or lead:' }).min(1),
});

export const sourceSchema = z.union([fileSourceSchema, pairSourceSchema], {
  error: 'a source has either file: and columns: (an export) or pairs: (explicit identity -> record pairs)',
});

export const mappingFileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'write version: 1' }),
    channels: z.array(channelSchema, { error: 'list the channels the org uses, e.g. - key: x' }).min(1, {
      error: 'list at least one channel',
    }),
    phone: z
      .strictObject({
        defaultCountryCode: z
          .string({ error: 'write the calling code in quotes, e.g. "+1"' })
          .regex(/^\+[1-9]\d{0,2}$/, { error: 'write the calling code with its +, in quotes, e.g. "+1" or "+44"' }),
      })
      .optional(),
    rules: z.array(ruleSchema, { error: 'list the matching rules in order; the first that matches wins' }).default([]),
    sources: z.array(sourceSchema, { error: 'list the identity sources: exports (file:) or pairs (pairs:)' }).min(1, {
      error: 'list at least one source',
    }),
    unmatched: z
      .enum(['leave', 'create-lead'], { error: 'write leave (identity stays unlinked) or create-lead' })
      .default('leave'),
    lead: z
      .strictObject({
        company: z.string().min(1).default('Social: {network}'),
        leadSource: z.string().max(40).default('Social'),
        status: z.string().optional(),
      })
      .optional(),
    removeStaleLinks: z.boolean({ error: 'write true or false' }).default(false),
  })
  .superRefine((mapping, ctx) => {
    const keys = new Map<string, number>();
    mapping.channels.forEach((channel, index) => {
      const earlier = keys.get(channel.key);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', index, 'key'],
          message: `channel ${channel.key} is already declared as channels[${earlier}]; keep one of them`,
        });
      }
      keys.set(channel.key, index);
    });
    const declared = [...keys.keys()].join(', ');
    const ruleNames = new Map<string, number>();
    const attributes = new Set<string>(['handle', 'userId', 'displayName', 'profileUrl']);
    for (const source of mapping.sources) {
      if ('columns' in source) Object.keys(source.columns).forEach((attribute) => attributes.add(attribute));
    }
    mapping.rules.forEach((rule, index) => {
      const earlier = ruleNames.get(rule.name);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'name'],
          message: `rule ${rule.name} is already the name of rules[${earlier}]; give each rule its own name`,
        });
      }
      ruleNames.set(rule.name, index);
      if (!attributes.has(rule.identity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'identity'],
          message: `no source provides the attribute ${rule.identity}; map it in a source's columns (e.g. ${rule.identity}: Email) or use one of: ${[...attributes].join(', ')}`,
        });
      }
      if (rule.normalise.includes('phone-e164') && rule.normalise.some((step) => step.startsWith('email-'))) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'normalise'],
          message: 'phone-e164 and the email normalisations exclude each other; keep the ones that fit the attribute',
        });
      }
      rule.networks?.forEach((network, position) => {
        if (!keys.has(network)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', index, 'networks', position],
            message: `${network} is not a channel of this mapping; write one of: ${declared}`,
          });
        }
      });
    });
    mapping.sources.forEach((source, index) => {
      if ('pairs' in source) {
        source.pairs.forEach((pair, position) => {
          const network = pair.identity.slice(0, pair.identity.indexOf(':'));
          if (!keys.has(network)) {
            ctx.addIssue({
              code: 'custom',
              path: ['sources', index, 'pairs', position, 'identity'],
              message: `${network} is not a channel of this mapping; write one of: ${declared}, or add the channel`,
            });
          }
        });
        return;
      }
      if (source.network !== undefined && !keys.has(source.network)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'network'],
          message: `${source.network} is not a channel of this mapping; write one of: ${declared}`,
        });
      }
      if (source.network === undefined && !('network' in source.columns)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index],
          message:
            'say which network the rows belong to: network: x for the whole file, or columns: { network: <column> }',
        });
      }
      for (const [value, network] of Object.entries(source.networkValues ?? {})) {
        if (!keys.has(network)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', index, 'networkValues', value],
            message: `${network} is not a channel of this mapping; write one of: ${declared}`,
          });
        }
      }
    });
    const names = new Map<string, number>();
    mapping.sources.forEach((source, index) => {
      const earlier = names.get(source.name);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'name'],
          message: `source ${source.name} is already the name of sources[${earlier}]; give each source its own name`,
        });
      }
      names.set(source.name, index);
    });
  });

export type MappingFile = z.infer<typeof mappingFileSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type FileSource = z.infer<typeof fileSourceSchema>;
export type PairSource = z.infer<typeof pairSourceSchema>;
export type Pair = z.infer<typeof pairSchema>;
export type RecordReference = z.infer<typeof recordReference>;
