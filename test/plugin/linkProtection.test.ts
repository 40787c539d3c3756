// A deploy owns only the links it made (Link_Source__c = Mapping). Links a rep made by hand ('Rep') or
// an import brought in ('Import') are the customer's decisions: a deploy must never relink or unlink
// them, whatever the mapping now says and whether or not removeStaleLinks is on. Runs against the local
// org over HTTP, so the protection is checked on what the org holds after the deploy, not on the plan.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { mappingYaml, writeFixture } from './fixtures.js';
import { connectTo, localOrgForFile, seed } from './localOrg.js';

const localOrg = localOrgForFile();

const RULES = `rules:
  - name: same-email
    identity: email
    record: Contact.Email
    normalise: [lowercase]
    action: link`;

describe.each([{ removeStaleLinks: true }, { removeStaleLinks: false }])(
  'links not made by the mapping, removeStaleLinks: $removeStaleLinks',
  ({ removeStaleLinks }) => {
    it.each(['Import', 'Rep'])('leaves a link whose source is %s as it is', async (source) => {
      const org = localOrg();
      const tag = `${source.toLowerCase()}-${String(removeStaleLinks)}`;
      const before = seed(org, 'Contact', { LastName: `Before ${tag}`, Email: `before.${tag}@example.com` });
      seed(org, 'Contact', { LastName: `After ${tag}`, Email: `after.${tag}@example.com` });
      // One identity the mapping now points elsewhere, one it no longer matches, one it does not list.
      const seeded = ['moved', 'gone', 'absent'].map((kind) => {
        const fields = {
          Name: `@${kind}_${tag} (x)`,
          External_Id__c: `x:${kind}-${tag}`,
          Network__c: 'x',
          Network_User_Id__c: `${kind}-${tag}`,
          Handle__c: `${kind}_${tag}`,
          Contact__c: before,
          Link_Status__c: 'Linked',
          Link_Source__c: source,
          Linked_At__c: '2026-01-02T03:04:05.000Z',
        };
        const id = seed(org, 'Social_Identity__c', fields);
        return { id, record: structuredClone(org.store.get(id)!.record) };
      });
      const dir = await writeFixture({
        'mapping.yaml': mappingYaml({
          rules: RULES,
          sources:
            'sources:\n  - name: export\n    file: export.csv\n    columns: { userId: Id, handle: Handle, email: Email }\n    network: x',
          tail: `removeStaleLinks: ${String(removeStaleLinks)}`,
        }),
        'export.csv': `Id,Handle,Email\nmoved-${tag},moved_${tag},after.${tag}@example.com\ngone-${tag},gone_${tag},nobody.${tag}@example.com\n`,
      });

      const { result } = await deployMapping({
        file: join(dir, 'mapping.yaml'),
        connection: connectTo(org),
        dryRun: false,
        resultsDir: join(dir, 'results'),
      });

      expect(result.counts).toMatchObject({ linked: 0, relinked: 0, unlinked: 0, failed: 0 });
      for (const { id, record } of seeded) {
        // Untouched as a whole, LastModifiedDate included: the deploy sent no write for it.
        expect(org.store.get(id)?.record).toEqual(record);
      }
    });
  },
);
