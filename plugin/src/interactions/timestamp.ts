// Reads the time stamps social exports carry (ISO 8601 with a zone, or Unix epoch seconds or
// milliseconds) into ISO 8601 UTC. Pure. A time without a zone is refused, not guessed: reading
// "2026-11-20 09:30" as UTC when the tool meant local time would put the post hours off and
// move its response due time with it.

/** ISO 8601 date and time with seconds optional, fractions optional, and a Z or ±hh:mm / ±hhmm zone. */
const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

export type TimestampResult = { ok: true; iso: string; ms: number } | { ok: false; problem: string };

const EXAMPLE = 'write ISO 8601 with a time zone, e.g. 2026-11-20T09:30:00Z, or Unix epoch seconds';

/** The form this function answers, which most exports (and Salesforce) write: read without rewriting it. */
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseTimestamp(raw: string): TimestampResult {
  const text = raw.trim();
  // Already in the form answered: checked part by part and kept as it is (making the same text again
  // from the number was a fifth of reading a row).
  const canonical = CANONICAL.exec(text);
  if (canonical !== null && realDateTime(canonical)) {
    const ms = Date.parse(text);
    if (ms >= MIN_MS && ms <= MAX_MS) return { ok: true, iso: text, ms };
  }
  if (/^\d{9,10}$/.test(text)) return fromMs(Number(text) * 1000, raw);
  if (/^\d{12,13}$/.test(text)) return fromMs(Number(text), raw);
  const match = ISO_WITH_ZONE.exec(text);
  if (match === null) {
    const noZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/.test(text);
    return {
      ok: false,
      problem: noZone
        ? `"${raw}" has no time zone, so the moment is unknown; add Z (UTC) or an offset such as +01:00`
        : `"${raw}" is not a time stamp; ${EXAMPLE}`,
    };
  }
  const [, year, month, day, hour, minute, second = '0'] = match.map((part) => part ?? '') as string[];
  const numbers = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = numbers;
  // Date.parse rolls 2026-02-30 over to March: check each part is in range for that month.
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    return { ok: false, problem: `"${raw}" is not a real date and time (check month, day and hours); ${EXAMPLE}` };
  }
  const zone = match[8]!.toUpperCase();
  const offset = zone === 'Z' ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const fraction = (match[7] ?? '').padEnd(3, '0').slice(0, 3);
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second.padStart(2, '0')}.${fraction}${offset}`;
  return fromMs(Date.parse(normalised), raw);
}

/** Whether the parts of a CANONICAL match name a real moment (Date.parse rolls 2026-02-30 over to March). */
function realDateTime(parts: RegExpExecArray): boolean {
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days && Number(parts[4]) <= 23 && Number(parts[5]) <= 59 && Number(parts[6]) <= 59;
}

/** Salesforce DateTime fields hold years 1700 to 4000. */
const MIN_MS = Date.UTC(1700, 0, 1);
const MAX_MS = Date.UTC(4000, 11, 31);

function fromMs(ms: number, raw: string): TimestampResult {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    return { ok: false, problem: `"${raw}" is outside the years 1700–4000 Salesforce can store; ${EXAMPLE}` };
  }
  return { ok: true, iso: new Date(ms).toISOString(), ms };
}
