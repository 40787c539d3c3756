// Result CSVs are opened in spreadsheets, and their cells carry text from social networks (handles,
// names, bodies). A cell that starts with =, +, -, @, tab or carriage return is read by Excel and
// Sheets as a formula: prefix it with a single quote so it stays text (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** csv-stringify options that neutralise every string cell. */
export const SPREADSHEET_SAFE_CAST = { cast: { string: spreadsheetSafe } };
