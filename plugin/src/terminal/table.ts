// The commands' small summary tables (outcome counts, channel changes), drawn as sf's own tables look by
// default (`this.table`: @oclif/table's 'vertical-with-outline' border, capitalised headers in bold blue)
// without its renderer: @oclif/table mounts an ink/React tree and lays it out with yoga for every table,
// about 0.12 s of CPU each (three per deploy), for a few rows of short text. Anything this drawing does
// not cover (a table wider than the terminal, characters of uncertain width, the SF_TABLE_*/OCLIF_TABLE_*
// settings, CI's plain tables) goes to sf's renderer as before.
import { env } from 'node:process';
import { styleText } from 'node:util';

type Cell = string | number;
export type TableRow<K extends string> = Record<K, Cell>;

/** Where a table is shown: a command's `log` and sf's own table for what `boxTable` leaves to it. */
export interface TableOutput {
  log: (text: string) => void;
  table: (options: { data: Array<Record<string, unknown>>; columns: string[] }) => void;
}

/** Shows the rows as sf's table does, drawn here when `boxTable` can. */
export function showTable<K extends string>(output: TableOutput, data: ReadonlyArray<TableRow<K>>, columns: K[]): void {
  const drawn = boxTable(data, columns, process.stdout.columns, styleText(['bold', 'blue'], 'x') !== 'x');
  if (drawn === undefined) output.table({ data: [...data], columns });
  else output.log(drawn);
}

/**
 * The table as @oclif/table draws it for sf (border 'vertical-with-outline', one space of padding, left
 * aligned, a blank line after), or undefined where only that renderer is right: wider than `width`, a
 * character whose width a terminal may not give as one column, or a user's table settings.
 */
export function boxTable<K extends string>(
  data: ReadonlyArray<TableRow<K>>,
  columns: readonly K[],
  width: number | undefined,
  colour: boolean,
): string | undefined {
  if (Object.keys(env).some((name) => /^(SF_TABLE_|SF_NO_TABLE_STYLE|OCLIF_TABLE_)/.test(name)) || inCi()) return;
  const headings = columns.map(capitalCase);
  const rows = data.map((row) => columns.map((column) => String(row[column] ?? '')));
  if ([...headings, ...rows.flat()].some((text) => !/^[\x20-\x7e]*$/.test(text))) return;
  const widths = columns.map((_, index) => Math.max(headings[index]!.length, ...rows.map((row) => row[index]!.length)));
  if (width !== undefined && widths.reduce((sum, cell) => sum + cell + 3, 1) > width) return;

  const rule = (left: string, middle: string, right: string): string =>
    left + widths.map((cell) => '─'.repeat(cell + 2)).join(middle) + right;
  const line = (cells: readonly string[], style: (text: string) => string = (text) => text): string =>
    `│${cells.map((cell, index) => style(` ${cell.padEnd(widths[index]!)} `)).join('│')}│`;
  const heading = colour
    ? (text: string): string => styleText(['bold', 'blue'], text, { validateStream: false })
    : undefined;
  return [
    rule('┌', '┬', '┐'),
    line(headings, heading),
    rule('├', '┼', '┤'),
    ...rows.map((row) => line(row)),
    rule('└', '┴', '┘'),
    '',
  ].join('\n');
}

/** `outcome` -> `Outcome`, `resultsDir` -> `Results Dir`: the heading sf's tables give a column key. */
function capitalCase(key: string): string {
  return key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

/** @oclif/table draws plain tables in CI (its own check, mirrored here, unset counting as true): left to it. */
function inCi(): boolean {
  const truthy = (value: string | undefined): boolean => value !== '0' && value !== 'false';
  return (
    truthy(env.CI) &&
    ('CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((name) => name.startsWith('CI_')))
  );
}
