// The import's first call: the channels, what still points at a converted Lead, and whether the org
// holds any interaction at all, in one composite request (none of them depends on another). An org
// that holds no interaction cannot hold a post of the file, a parent, an earlier post of a person or
// an open question: threading and planning then read nothing back by IN list, which is what a first
// import into a new org costs (one query operation, as the work-derived minimum counts it).
import { CONVERTED_LEAD_QUERIES } from '../conversions/followConversions.js';
import type { ExistingChannel } from '../mappings/resolve.js';
import { CHANNEL_FIELDS } from '../mappings/resolve.js';
import type { MappingFile } from '../mappings/mappingFile/schema.js';
import type { OrgClient } from '../org/client.js';
import { channelsFrom } from './channels.js';
import type { ChannelInfo } from './interaction.js';
import { ReadRound } from './readRound.js';

export interface OrgAtStart {
  channels: Map<string, ChannelInfo>;
  /** The org's Social_Channel__c records (the identity step reads no channel again). */
  channelRecords: ExistingChannel[];
  /** The records of CONVERTED_LEAD_QUERIES, for followLeadConversions. */
  onConvertedLeads: Array<Array<Record<string, unknown>>>;
  /** False only when the org answered that it holds no Social_Interaction__c. */
  holdsInteractions: boolean;
}

/** What an import stopped by the daily limit before its first read knows: nothing, so it assumes the worst. */
export const UNREAD_ORG: OrgAtStart = {
  channels: new Map(),
  channelRecords: [],
  onConvertedLeads: [],
  holdsInteractions: true,
};

export async function readOrgAtStart(org: OrgClient, mapping: MappingFile | undefined): Promise<OrgAtStart> {
  const round = new ReadRound();
  const channelRecords = round.add<ExistingChannel>([`SELECT ${CHANNEL_FIELDS.join(', ')} FROM Social_Channel__c`]);
  const converted = CONVERTED_LEAD_QUERIES.map((query) => round.add<Record<string, unknown>>([query]));
  const anyInteraction = round.add<{ Id: string }>(['SELECT Id FROM Social_Interaction__c LIMIT 1']);
  await round.run(org);
  const records = channelRecords();
  return {
    channels: channelsFrom(records, mapping),
    channelRecords: records,
    onConvertedLeads: converted.map((read) => read()),
    holdsInteractions: anyInteraction().length > 0,
  };
}
