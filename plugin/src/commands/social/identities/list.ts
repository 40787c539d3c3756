// `sf social identities list --target-org ORG [--contact ID]`: parses flags, reads, shows a table.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { listIdentities, type IdentityListResult } from '../../../identities/list.js';
import { showTable } from '../../../terminal/table.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@social-bridge/plugin-social', 'social.identities.list');

export type { IdentityListResult, IdentityListEntry } from '../../../identities/list.js';

export default class List extends SfCommand<IdentityListResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    contact: Flags.salesforceId({
      summary: messages.getMessage('flags.contact.summary'),
      startsWith: '003',
      length: 'both',
      char: 'c',
    }),
  };

  public async run(): Promise<IdentityListResult> {
    const { flags } = await this.parse(List);
    const connection = flags['target-org'].getConnection(flags['api-version']);
    const result = await listIdentities(connection, flags.contact);
    if (result.identities.length === 0) {
      this.log(messages.getMessage('info.none'));
      return result;
    }
    showTable(
      this,
      result.identities.map((identity) => ({
        network: identity.network,
        name: identity.name,
        contact: identity.contactId ?? '',
        lead: identity.leadId ?? '',
        status: identity.linkStatus ?? '',
        source: identity.linkSource ?? '',
        rule: identity.matchedByRule ?? '',
      })),
      ['network', 'name', 'contact', 'lead', 'status', 'source', 'rule'],
    );
    return result;
  }
}
