// A deploy plans its input a partition at a time to keep memory flat. Whatever the partition size,
// it must end with the same org and the same results: the same identity's rows share a partition,
// conflicting pairs are still caught with both lines, stale links are judged over the whole input,
// and the writes of all partitions go out together.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { access, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { deployMapping, type DeployResult } from '../../plugin/src/mappings/deploy.js';
import { loadMappingFile } from '../../plugin/src/mappings/mappingFile/load.js';
import { PartitionedSources, partitionOf } from '../../plugin/src/mappings/partitions.js';
import { OUTCOMES } from '../../plugin/src/mappings/plan.js';
import { resultFileName } from '../../plugin/src/mappings/results.js';
import { mappingYaml, writeFixture } from './fixtures.js';
import { maxSourceRows, readSources, type SourceItem } from '../../plugin/src/mappings/sources/read.js';
import type { Connection } from '@salesforce/core';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';

const ROWS = 60;
let whole: TestOrg;
let parted: TestOrg;

/** Contacts every third identity matches by e-mail, and a link an earlier deploy made that no row names. */
function seed(org: TestOrg): void {
  for (let index = 0; index < ROWS; index += 3) {
    org.store.create('Contact', { LastName: `Part ${index}`, Email: `part${index}@example.com` });
  }
  const contact = org.store.list('Contact').find((record) => record.Email === 'part0@example.com')!;
  org.store.create('Social_Identity__c', {
    Name: '@gone (x)',
    External_Id__c: 'x:gone',
    Network__c: 'x',
    Network_User_Id__c: 'gone',
    Contact__c: contact.Id,
    Link_Status__c: 'Linked',
    Link_Source__c: 'Mapping',
    Matched_By_Rule__c: 'same-email',
  });
}

async function fixture(): Promise<string> {
  const lines = ['network,userId,handle,email,phone'];
  for (let index = 0; index < ROWS; index += 1) {
    lines.push(`x,u${index},user_${index},${index % 3 === 0 ? `part${index}@example.com` : ''},`);
  }
  lines.push('x,u3,user_3_again,part3@example.com,'); // the same identity again, same target
  lines.push('myspace,u99,nobody,,'); // rejected: not a channel
  const dir = await writeFixture({
    'mapping.yaml': mappingYaml({
      rules:
        'rules:\n  - { name: same-email, identity: email, record: Contact.Email, normalise: [lowercase], action: link }\n' +
        '  - { name: same-phone, identity: phone, record: Contact.MobilePhone, normalise: [phone-e164], action: suggest }',
      sources: [
        'sources:',
        '  - name: export',
        '    file: export.csv',
        '    columns: { network: network, userId: userId, handle: handle, email: email, phone: phone }',
        '  - name: admin',
        '    pairs:',
        '      - { identity: "x:u1", contact: { Email: part0@example.com } }',
        '      - { identity: "x:u1", contact: { Email: part3@example.com } }',
      ].join('\n'),
      tail: 'removeStaleLinks: true',
    }),
    'export.csv': `${lines.join('\n')}\n`,
  });
  return join(dir, 'mapping.yaml');
}

async function resultRows(result: DeployResult): Promise<string[]> {
  const rows: string[] = [];
  for (const outcome of OUTCOMES) {
    const text = await readFile(join(result.resultsDir!, resultFileName(outcome)), 'utf8');
    for (const row of parse(text, { columns: true }) as Array<Record<string, string>>) {
      const { identityId: _id, ...rest } = row;
      rows.push(JSON.stringify(rest));
    }
  }
  return rows.sort();
}

function identities(org: TestOrg): string[] {
  return org.store
    .list('Social_Identity__c')
    .map((record) =>
      [record.External_Id__c, record.Contact__c ?? '', record.Link_Status__c, record.Matched_By_Rule__c ?? ''].join(
        ' ',
      ),
    )
    .sort();
}

beforeAll(async () => {
  [whole, parted] = await Promise.all([startOrg(), startOrg()]);
  seed(whole);
  seed(parted);
});

afterAll(async () => {
  await Promise.all([whole.stop(), parted.stop()]);
});

describe('partitioned deploy', () => {
  it('ends with the same org and the same results as one partition', async () => {
    const file = await fixture();
    // The composite bodies sent, to see which queries went out.
    const sent: string[] = [];
    const recording = (org: TestOrg): Connection => {
      const connection = connectTo(org);
      const request = connection.request.bind(connection);
      connection.request = ((info: { body?: unknown }, ...rest: unknown[]) => {
        if (typeof info.body === 'string') sent.push(info.body);
        return (request as (...args: unknown[]) => unknown)(info, ...rest);
      }) as typeof connection.request;
      return connection;
    };
    const run = (org: TestOrg, partitionRows?: number) =>
      deployMapping({
        file,
        connection: recording(org),
        dryRun: false,
        resultsDir: join(file, '..', `results-${partitionRows ?? 'whole'}`),
        ...(partitionRows ? { partitionRows } : {}),
      });
    const one = await run(whole);
    sent.length = 0;
    const many = await run(parted, 7);
    // Ten partitions, one read of the phone rule's records: reads that do not depend on the rows are shared.
    const scans = sent.join('\n').match(/MobilePhone%20!%3D%20null/g) ?? [];
    expect(scans).toHaveLength(1);

    expect(one.result.rows).toBe(ROWS + 4);
    expect(many.result.counts).toEqual(one.result.counts);
    expect(one.result.counts).toMatchObject({ linked: 21, unmatched: 39, rejected: 4 });
    // The demo org holds other mapping links on x that this file does not name: all are stale.
    expect(one.result.staleLinksRemoved).toBeGreaterThan(0);
    expect(many.result.staleLinksRemoved).toBe(one.result.staleLinksRemoved);
    expect(parted.store.list('Social_Identity__c').find((record) => record.External_Id__c === 'x:gone')).toMatchObject({
      Link_Status__c: 'Unlinked',
      Contact__c: null,
    });
    expect(await resultRows(many.result)).toEqual(await resultRows(one.result));
    expect(identities(parted)).toEqual(identities(whole));

    // Both rows of the conflicting pair are rejected, each naming the other's line.
    const rejected = parse(await readFile(join(many.result.resultsDir!, 'rejected.csv'), 'utf8'), {
      columns: true,
    }) as Array<Record<string, string>>;
    const conflict = rejected.filter((row) => row.externalId === 'x:u1');
    expect(conflict).toHaveLength(3);
    expect(conflict.every((row) => /mapping.yaml:1[89] \(Contact Email=part[03]@example.com\)/.test(row.reason!))).toBe(
      true,
    );

    const again = await run(parted, 7);
    expect(again.result.changes).toBe(0);
  });

  it('puts every row of an identity in the same partition, and spreads identities evenly', () => {
    expect(partitionOf('x:42', 5)).toBe(partitionOf('x:42', 5));
    expect(partitionOf('x:42', 1)).toBe(0);
    const sizes = new Array<number>(5).fill(0);
    for (let index = 0; index < 10_000; index += 1)
      sizes[partitionOf(`x:1${String(index).padStart(12, '0')}`, 5)]! += 1;
    for (const size of sizes) expect(size).toBeGreaterThan(1_700);
  });

  it('reads each source row once: the partitions come from its own files, not from the sources again', async () => {
    const file = await fixture();
    const loaded = await loadMappingFile(file);
    const sources = await PartitionedSources.read(loaded, file, undefined, 7);
    // The export is gone: whatever the partitions hold was read in the one pass above.
    await rm(join(file, '..', 'export.csv'));
    expect(sources.rows).toBe(ROWS + 4);
    expect(sources.partitions).toBe(Math.ceil((ROWS + 4) / 7));
    const seen: string[] = [];
    for (let index = 0; index < sources.partitions; index += 1) {
      const items = await sources.partition(index);
      const lines = items.map((item) => (item.kind === 'identity' ? item.identity.row.origin : item.rejected.origin));
      // In input order within a partition (the mapping's pairs come after the export).
      const order = lines.map(
        (origin) => `${origin.file.endsWith('.yaml') ? 1 : 0}:${String(origin.line).padStart(4)}`,
      );
      expect(order).toEqual([...order].sort());
      for (const item of items) {
        if (item.kind === 'rejected') expect(index).toBe(0);
        else expect(partitionOf(item.identity.externalId, sources.partitions)).toBe(index);
        seen.push(JSON.stringify(item.kind === 'identity' ? item.identity.row.origin : item.rejected.origin));
      }
    }
    expect(new Set(seen).size).toBe(ROWS + 4);
    await expect(access(sources.dir!)).resolves.toBeUndefined();
    await sources.discard();
    await expect(access(sources.dir!)).rejects.toThrow(/ENOENT/);
  });

  it('gives back from its files the very items the sources make, rejected rows and pairs included', async () => {
    const file = await fixture();
    const loaded = await loadMappingFile(file);
    const direct: SourceItem[] = [];
    for await (const item of readSources(loaded, file)) direct.push(item);
    const sources = await PartitionedSources.read(loaded, file, undefined, 7);
    const spilled: SourceItem[] = [];
    for (let index = 0; index < sources.partitions; index += 1) spilled.push(...(await sources.partition(index)));
    await sources.discard();
    const place = (item: SourceItem): string => {
      const { file: where, line } = item.kind === 'identity' ? item.identity.row.origin : item.rejected.origin;
      return `${where}:${String(line).padStart(6)}`;
    };
    spilled.sort((a, b) => (place(a) < place(b) ? -1 : 1));
    direct.sort((a, b) => (place(a) < place(b) ? -1 : 1));
    expect(spilled).toEqual(direct);
    expect(spilled.some((item) => item.kind === 'identity' && item.identity.row.pair !== undefined)).toBe(true);
    expect(spilled.some((item) => item.kind === 'rejected')).toBe(true);
  });

  it('counts the most rows the sources can hold from their line breaks (LF, CRLF, CR, a last line without one)', async () => {
    const dir = await writeFixture({
      'mapping.yaml': mappingYaml({
        sources: [
          'sources:',
          '  - { name: lf, file: lf.csv, columns: { network: network, userId: userId } }',
          '  - { name: crlf, file: crlf.csv, columns: { network: network, userId: userId } }',
          '  - { name: cr, file: cr.csv, columns: { network: network, userId: userId } }',
          '  - { name: nd, file: posts.ndjson, columns: { network: network, userId: userId } }',
          '  - name: admin',
          '    pairs:',
          '      - { identity: "x:p1", contact: 003000000000001AAA }',
        ].join('\n'),
      }),
      // 3 rows each after the header; the CRLF file has no last line break.
      'lf.csv': 'network,userId\nx,1\nx,2\nx,3\n',
      'crlf.csv': 'network,userId\r\nx,1\r\nx,2\r\nx,3',
      'cr.csv': 'network,userId\rx,1\rx,2\rx,3\r',
      'posts.ndjson': '{"network":"x","userId":"4"}\n{"network":"x","userId":"5"}\n',
    });
    const loaded = await loadMappingFile(join(dir, 'mapping.yaml'));
    expect(await maxSourceRows(loaded)).toBe(3 + 3 + 3 + 2 + 1);
    const sources = await PartitionedSources.read(loaded, join(dir, 'mapping.yaml'), undefined, 4);
    expect(sources.rows).toBe(12);
    expect(sources.partitions).toBe(3);
    await sources.discard();
  });

  it('holds an input of one partition in memory, without files', async () => {
    const file = await fixture();
    const sources = await PartitionedSources.read(await loadMappingFile(file), file);
    expect(sources.partitions).toBe(1);
    expect(sources.dir).toBeUndefined();
    expect(await sources.partition(0)).toHaveLength(ROWS + 4);
    await sources.discard();
  });
});
