// SOQL date literals (TODAY, LAST_N_DAYS:30, ...) as half-open UTC ranges [start, end).
// The local org's time zone is UTC, so day boundaries are UTC midnights.

const DAY = 86_400_000;

export interface DateRange {
  start: number;
  end: number;
}

function startOfDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function startOfWeek(now: Date): number {
  return startOfDay(now) - now.getUTCDay() * DAY;
}

function monthStart(now: Date, offset: number): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1);
}

function yearStart(now: Date, offset: number): number {
  return Date.UTC(now.getUTCFullYear() + offset, 0, 1);
}

function quarterStart(now: Date, offset: number): number {
  return Date.UTC(now.getUTCFullYear(), (Math.floor(now.getUTCMonth() / 3) + offset) * 3, 1);
}

// The local org keeps Salesforce's default fiscal year (standard, starting in January), so a
// fiscal quarter or year is the calendar one: FISCAL_QUARTER literals name the same ranges.
const FISCAL = /_FISCAL_(QUARTER|YEAR)S?(_AGO)?$|^N_FISCAL_/;

/** The range of a literal such as `THIS_MONTH` or `LAST_N_DAYS:7`; undefined when not supported. */
export function dateLiteralRange(literal: string, now: Date): DateRange | undefined {
  const [rawName = '', rawN] = literal.toUpperCase().split(':');
  const name = FISCAL.test(rawName) ? rawName.replace('_FISCAL_', '_') : rawName;
  const n = rawN === undefined ? 0 : Number(rawN);
  const today = startOfDay(now);
  const week = startOfWeek(now);
  switch (name) {
    case 'TODAY':
      return { start: today, end: today + DAY };
    case 'YESTERDAY':
      return { start: today - DAY, end: today };
    case 'TOMORROW':
      return { start: today + DAY, end: today + 2 * DAY };
    case 'THIS_WEEK':
      return { start: week, end: week + 7 * DAY };
    case 'LAST_WEEK':
      return { start: week - 7 * DAY, end: week };
    case 'NEXT_WEEK':
      return { start: week + 7 * DAY, end: week + 14 * DAY };
    case 'THIS_MONTH':
      return { start: monthStart(now, 0), end: monthStart(now, 1) };
    case 'LAST_MONTH':
      return { start: monthStart(now, -1), end: monthStart(now, 0) };
    case 'NEXT_MONTH':
      return { start: monthStart(now, 1), end: monthStart(now, 2) };
    case 'THIS_YEAR':
      return { start: yearStart(now, 0), end: yearStart(now, 1) };
    case 'LAST_YEAR':
      return { start: yearStart(now, -1), end: yearStart(now, 0) };
    case 'NEXT_YEAR':
      return { start: yearStart(now, 1), end: yearStart(now, 2) };
    case 'THIS_QUARTER':
      return { start: quarterStart(now, 0), end: quarterStart(now, 1) };
    case 'LAST_QUARTER':
      return { start: quarterStart(now, -1), end: quarterStart(now, 0) };
    case 'NEXT_QUARTER':
      return { start: quarterStart(now, 1), end: quarterStart(now, 2) };
    case 'LAST_N_QUARTERS':
      return { start: quarterStart(now, -n), end: quarterStart(now, 0) };
    case 'NEXT_N_QUARTERS':
      return { start: quarterStart(now, 1), end: quarterStart(now, n + 1) };
    case 'N_QUARTERS_AGO':
      return { start: quarterStart(now, -n), end: quarterStart(now, -n + 1) };
    case 'LAST_90_DAYS':
      return { start: today - 90 * DAY, end: today + DAY };
    case 'NEXT_90_DAYS':
      return { start: today + DAY, end: today + 91 * DAY };
    case 'LAST_N_DAYS':
      return { start: today - n * DAY, end: today + DAY };
    case 'NEXT_N_DAYS':
      return { start: today + DAY, end: today + (n + 1) * DAY };
    case 'N_DAYS_AGO':
      return { start: today - n * DAY, end: today - (n - 1) * DAY };
    case 'LAST_N_WEEKS':
      return { start: week - n * 7 * DAY, end: week };
    case 'NEXT_N_WEEKS':
      return { start: week + 7 * DAY, end: week + (n + 1) * 7 * DAY };
    case 'N_WEEKS_AGO':
      return { start: week - n * 7 * DAY, end: week - (n - 1) * 7 * DAY };
    case 'LAST_N_MONTHS':
      return { start: monthStart(now, -n), end: monthStart(now, 0) };
    case 'NEXT_N_MONTHS':
      return { start: monthStart(now, 1), end: monthStart(now, n + 1) };
    case 'N_MONTHS_AGO':
      return { start: monthStart(now, -n), end: monthStart(now, -n + 1) };
    case 'LAST_N_YEARS':
      return { start: yearStart(now, -n), end: yearStart(now, 0) };
    case 'NEXT_N_YEARS':
      return { start: yearStart(now, 1), end: yearStart(now, n + 1) };
    case 'N_YEARS_AGO':
      return { start: yearStart(now, -n), end: yearStart(now, -n + 1) };
    default:
      return undefined;
  }
}
