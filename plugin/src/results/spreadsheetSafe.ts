// Result CSVs are opened in spreadsheets, and their cells carry text from social networks (handles,
// names, bodies). A cell that starts with =, +, -, @, tab or carriage return is read by Excel and
// Sheets as a formula: prefix it with a single quote so it stays text (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** csv-stringify options that neutralise every string cell. */
export const SPREADSHEET_SAFE_CAST = { cast: { string: spreadsheetSafe } };

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell of a result file, exactly as csv-stringify writes it with SPREADSHEET_SAFE_CAST (RFC 4180:
 * quoted when it holds a comma, quote or line break, quotes doubled; text made spreadsheet-safe; numbers
 * as they are; nothing for an absent value), without a stringifier per row: a deploy writes every input
 * row once, and csv-stringify's setup per call cost more than the row itself.
 */
export function resultCell(value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
