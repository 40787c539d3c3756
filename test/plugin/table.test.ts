// The commands' summary tables are drawn by plugin/src/terminal/table.ts instead of sf's ink renderer
// (about 0.12 s of CPU a table): every table here is compared, character for character, with what
// sf-plugins-core's own table (`Ux.makeTable`, the text `this.table` prints, with the settings sf
// applies) gives for the same rows; and what the drawing does not cover goes to sf's renderer.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Ux } from '@salesforce/sf-plugins-core';
import { boxTable, showTable, type TableRow } from '../../plugin/src/terminal/table.js';

const ux = new Ux();
const sfTable = <K extends string>(data: Array<TableRow<K>>, columns: K[]): string => ux.makeTable({ data, columns });

/** CI's variables make @oclif/table draw plain tables; the runner may have them. */
const ciNames = (): string[] =>
  Object.keys(process.env).filter((name) =>
    /^(CI|CI_.*|CONTINUOUS_INTEGRATION|SF_TABLE_.*|OCLIF_TABLE_.*)$/.test(name),
  );
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(ciNames().map((name) => [name, process.env[name]]));
  for (const name of ciNames()) delete process.env[name];
});
afterEach(() => {
  for (const name of ciNames()) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('summary tables', () => {
  it.each([
    [
      'deploy plan counts',
      [
        { outcome: 'to link', rows: 4 },
        { outcome: 'ambiguous (not linked)', rows: 0 },
        { outcome: 'rejected', rows: 1234567 },
      ],
      ['outcome', 'rows'],
    ],
    [
      'channel changes, an empty cell',
      [
        { channel: 'x', setting: 'Supports_Private_Messages__c', now: '(new channel)', after: 'false' },
        { channel: 'instagram', setting: 'Name', now: '', after: '(cleared)' },
      ],
      ['channel', 'setting', 'now', 'after'],
    ],
    [
      'identities',
      [
        {
          network: 'x',
          name: '@ada (x)',
          contact: '003000000000001AAA',
          lead: '',
          status: 'Linked',
          source: 'Mapping',
          rule: 'email',
        },
      ],
      ['network', 'name', 'contact', 'lead', 'status', 'source', 'rule'],
    ],
    ['no rows', [], ['outcome', 'replies']],
  ] as Array<[string, Array<TableRow<string>>, string[]]>)(
    '%s: the same text as sf-plugins-core’s table',
    (_name, data, columns) => {
      expect(boxTable(data, columns, undefined, false)).toBe(sfTable(data, columns));
    },
  );

  it('headings in bold blue on a colour terminal, as sf’s table gives them; the rest unchanged', () => {
    const data = [{ outcome: 'sent', replies: 3 }];
    const coloured = boxTable(data, ['outcome', 'replies'], 80, true)!;
    expect(coloured.split('\n')[1]).toBe(
      '│\u001b[1m\u001b[34m Outcome \u001b[39m\u001b[22m│\u001b[1m\u001b[34m Replies \u001b[39m\u001b[22m│',
    );
    expect(coloured.replaceAll(/\u001b\[\d+m/g, '')).toBe(sfTable(data, ['outcome', 'replies']));
  });

  it('leaves to sf’s renderer a table wider than the terminal, wide characters and the user’s table settings', () => {
    const rows = [{ id: 'a0B000000000001', body: 'x'.repeat(60) }];
    expect(boxTable(rows, ['id', 'body'], 82, false)).toBeDefined();
    expect(boxTable(rows, ['id', 'body'], 81, false)).toBeUndefined();
    expect(boxTable([{ id: 'a', body: '日本語 ✨' }], ['id', 'body'], 80, false)).toBeUndefined();
    process.env.SF_TABLE_BORDER_STYLE = 'all';
    expect(boxTable(rows, ['id', 'body'], 100, false)).toBeUndefined();
    delete process.env.SF_TABLE_BORDER_STYLE;
    process.env.CI = 'true';
    expect(boxTable(rows, ['id', 'body'], 100, false)).toBeUndefined();
  });

  it('showTable logs the drawn table, or hands the rows to sf’s table', () => {
    const logged: string[] = [];
    const tables: unknown[] = [];
    const output = { log: (text: string) => logged.push(text), table: (options: unknown) => tables.push(options) };
    showTable(output, [{ outcome: 'linked', rows: 2 }], ['outcome', 'rows']);
    expect(logged).toEqual([sfTable([{ outcome: 'linked', rows: 2 }], ['outcome', 'rows'])]);
    showTable(output, [{ outcome: '✨', rows: 2 }], ['outcome', 'rows']);
    expect(tables).toEqual([{ data: [{ outcome: '✨', rows: 2 }], columns: ['outcome', 'rows'] }]);
  });
});
