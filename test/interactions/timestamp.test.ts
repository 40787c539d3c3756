// Time stamps from exports: accepted forms, and rejected ones with what to write instead.
import { describe, expect, it } from '@jest/globals';
import { parseTimestamp } from '../../plugin/src/interactions/timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-20T09:30:00Z', '2026-11-20T09:30:00.000Z'],
    ['2026-11-20T09:30Z', '2026-11-20T09:30:00.000Z'],
    ['2026-11-20 09:30:00+01:00', '2026-11-20T08:30:00.000Z'],
    ['2026-11-20T09:30:00.123456-0500', '2026-11-20T14:30:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['1795166400', '2026-11-20T09:20:00.000Z'],
    ['1795166400000', '2026-11-20T09:20:00.000Z'],
    // Already in the form answered (kept as it is), a leap day, a 31st, a trimmed value.
    ['2026-11-20T09:30:00.250Z', '2026-11-20T09:30:00.250Z'],
    ['2000-02-29T23:59:59.999Z', '2000-02-29T23:59:59.999Z'],
    ['2026-12-31T00:00:00.000Z', '2026-12-31T00:00:00.000Z'],
    [' 2026-11-20T09:30:00.000Z ', '2026-11-20T09:30:00.000Z'],
    ['2026-11-20t09:30:00.000z', '2026-11-20T09:30:00.000Z'],
  ])('%s -> %s', (raw, iso) => {
    expect(parseTimestamp(raw)).toEqual({ ok: true, iso, ms: Date.parse(iso) });
  });

  it.each([
    ['2026-11-20 09:30', /no time zone/],
    ['2026-02-30T10:00:00Z', /not a real date/],
    ['2026-13-01T10:00:00Z', /not a real date/],
    ['2026-11-20T24:00:00Z', /not a real date/],
    // The same in the form answered: checked just as strictly.
    ['2026-02-29T10:00:00.000Z', /not a real date/],
    ['1900-02-29T10:00:00.000Z', /not a real date/],
    ['2026-04-31T10:00:00.000Z', /not a real date/],
    ['2026-00-10T10:00:00.000Z', /not a real date/],
    ['2026-11-20T24:00:00.000Z', /not a real date/],
    ['2026-11-20T23:60:00.000Z', /not a real date/],
    ['2026-11-20T23:59:60.000Z', /not a real date/],
    ['1699-12-31T23:59:59.999Z', /outside the years 1700/],
    ['yesterday', /not a time stamp.*ISO 8601/],
    ['20/11/2026 09:30', /not a time stamp/],
    ['0500-01-01T00:00:00Z', /outside the years 1700/],
  ])('%s is refused', (raw, problem) => {
    const result = parseTimestamp(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });
});
