// The channels an import may write to, from the org's Social_Channel__c records (read in orgAtStart.ts): the response SLA
// and the post URL template come from there (the org is what reps see). With --mapping, a network must
// also be a channel of the mapping, and a channel the mapping disables is disabled for the import too.
import type { MappingFile } from '../mappings/mappingFile/schema.js';
import type { ExistingChannel } from '../mappings/resolve.js';
import type { ChannelInfo } from './interaction.js';

/** Pure part: org records (and the mapping, when given) -> the channels rows are checked against. */
export function channelsFrom(
  records: readonly ExistingChannel[],
  mapping: MappingFile | undefined,
): Map<string, ChannelInfo> {
  const channels = new Map<string, ChannelInfo>();
  for (const record of records) {
    const key = record.Network_Key__c.toLowerCase();
    const declared = mapping?.channels.find((channel) => channel.key === key);
    if (mapping !== undefined && declared === undefined) continue;
    const info: ChannelInfo = {
      key,
      name: String(record.Name ?? key),
      // Enabled__c defaults to true; only an explicit false disables.
      enabled: record.Enabled__c !== false && String(record.Enabled__c) !== 'false' && declared?.enabled !== false,
    };
    const sla = Number(record.Response_SLA_Minutes__c);
    if (record.Response_SLA_Minutes__c !== null && record.Response_SLA_Minutes__c !== undefined && sla > 0) {
      info.responseSlaMinutes = sla;
    }
    if (typeof record.Post_URL_Template__c === 'string' && record.Post_URL_Template__c !== '') {
      info.postUrlTemplate = record.Post_URL_Template__c;
    }
    channels.set(key, info);
  }
  return channels;
}
