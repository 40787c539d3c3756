// Guards for the bytes and characters of an export before any row is used: exports come from tools
// and people we do not control, so their text is untrusted. Shared by the identity sources and the
// interactions import (both read through csv.ts and ndjson.ts) and by the mapping file loader.
//
// What refuses the whole file and what rejects one row (docs/mappings.md, "Hostile input"):
// - UTF-16/UTF-32 (a byte order mark), invalid UTF-8 or a NUL byte: the file is refused, nothing is
//   written. A file in the wrong encoding damages every non-ASCII value in it, including the rows that
//   still decode, so importing "the rows that look fine" would store mangled names silently.
// - A value with a control character (U+0000–U+001F except tab, line feed and carriage return, and
//   U+007F): that row is rejected with the field and position, the rest goes on. Such characters never
//   occur in real social text, are invisible to the admin reviewing the results, and the org's APIs
//   refuse some of them mid-batch.
// - A row longer than MAX_ROW_BYTES: NDJSON rejects that line and goes on at the next one; CSV refuses
//   the file, because a CSV parser cannot tell where the next row starts (it is usually an unclosed
//   quote that swallowed the rest of the file). Either way memory stays bounded.
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { MappingError } from '../problem.js';

/** The longest row (line or CSV record) read: far above any real profile or post, 32 times a body. */
export const MAX_ROW_BYTES = 1_048_576;

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: "Save with encoding UTF-8") and run again';

/** Why bytes that start a file are not UTF-8 text, from its byte order mark; undefined when they may be. */
export function byteOrderMarkProblem(start: Uint8Array): string | undefined {
  const [a, b, c, d] = start;
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff)
    return `the file is saved as UTF-32 (big-endian); ${SAVE_AS_UTF8}`;
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00)
    return `the file is saved as UTF-32 (little-endian); ${SAVE_AS_UTF8}`;
  if (a === 0xff && b === 0xfe) return `the file is saved as UTF-16 (little-endian); ${SAVE_AS_UTF8}`;
  if (a === 0xfe && b === 0xff) return `the file is saved as UTF-16 (big-endian); ${SAVE_AS_UTF8}`;
  return undefined;
}

/** Length of the UTF-8 sequence a lead byte starts (1 for ASCII and for bytes that cannot lead one). */
function sequenceLength(byte: number): number {
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 1;
}

/**
 * Index of the first byte that is a NUL or not part of a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF included), with how many bytes to show; undefined when clean.
 */
export function firstBadByte(bytes: Uint8Array): { index: number; length: number; nul: boolean } | undefined {
  for (let index = 0; index < bytes.length;) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      if (byte === 0x00) return { index, length: 1, nul: true };
      index += 1;
      continue;
    }
    const length = sequenceLength(byte);
    let low = 0x80;
    let high = 0xbf;
    if (byte === 0xe0) low = 0xa0; // overlong 3-byte form
    if (byte === 0xed) high = 0x9f; // UTF-16 surrogates
    if (byte === 0xf0) low = 0x90; // overlong 4-byte form
    if (byte === 0xf4) high = 0x8f; // above U+10FFFF
    if (length === 1) return { index, length: Math.min(2, bytes.length - index), nul: false };
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (continuation === undefined || continuation < min || continuation > max) {
        return { index, length: Math.min(next + 1, bytes.length - index), nul: false };
      }
    }
    index += length;
  }
  return undefined;
}

/** End of the last complete UTF-8 sequence: a sequence cut by the chunk boundary waits for the next chunk. */
function completeEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) !== 0x80) return back < sequenceLength(byte) ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/**
 * A pass-through stream that refuses a file that is not UTF-8 text: a UTF-16/32 byte order mark,
 * invalid UTF-8 or a NUL byte fails the stream with a MappingError naming the line. A UTF-8 BOM passes
 * (the parsers drop it). Checks whole chunks natively and only scans byte by byte to place an error.
 */
export class Utf8Guard extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private started = false;
  private line = 1;
  /** Offset, from the start of the file, of the first byte of the current line. */
  private lineStart = 0;
  private offset = 0;

  public constructor(private readonly displayPath: string) {
    super();
  }

  public override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started) {
      this.started = true;
      const problem = byteOrderMarkProblem(bytes);
      if (problem !== undefined) {
        callback(this.problem(1, `${problem}. Nothing was written.`));
        return;
      }
    }
    const end = completeEnd(bytes);
    const body = bytes.subarray(0, end);
    this.carry = Buffer.from(bytes.subarray(end));
    const error = this.check(body);
    if (error !== undefined) {
      callback(error);
      return;
    }
    callback(null, body);
  }

  public override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) {
      callback(this.check(this.carry, true));
      return;
    }
    callback();
  }

  private check(body: Buffer, truncated = false): MappingError | undefined {
    const clean = !truncated && isUtf8(body) && !body.includes(0);
    if (!clean) {
      const bad = firstBadByte(body) ?? { index: 0, length: body.length, nul: false };
      const before = body.subarray(0, bad.index);
      const line = this.line + count(before, 0x0a);
      const lastBreak = before.lastIndexOf(0x0a);
      const lineStart = lastBreak >= 0 ? this.offset + lastBreak + 1 : this.lineStart;
      const column = this.offset + bad.index - lineStart + 1;
      const shown = hex(body.subarray(bad.index, bad.index + bad.length));
      return this.problem(
        line,
        bad.nul
          ? `byte ${column} of this line is a NUL (00): this is not UTF-8 text (a UTF-16 file without its byte order mark, or a binary file); ${SAVE_AS_UTF8}. Nothing was written.`
          : `byte ${column} of this line (${shown}) is not valid UTF-8: the file is probably saved in another encoding (Windows-1252, Latin-1); ${SAVE_AS_UTF8}. Nothing was written.`,
      );
    }
    let index = body.indexOf(0x0a);
    while (index >= 0) {
      this.line += 1;
      this.lineStart = this.offset + index + 1;
      index = body.indexOf(0x0a, index + 1);
    }
    this.offset += body.length;
    return undefined;
  }

  private problem(line: number, message: string): MappingError {
    return new MappingError('MalformedSource', [{ file: this.displayPath, line, message }]);
  }
}

function count(bytes: Uint8Array, value: number): number {
  let found = 0;
  for (const byte of bytes) if (byte === value) found += 1;
  return found;
}

// Control characters other than tab, line feed and carriage return; DEL too.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a row's values cannot be used because one holds a control character; undefined when none does. */
export function controlCharacterReason(values: Record<string, string>): string | undefined {
  for (const [field, value] of Object.entries(values)) {
    const match = CONTROL.exec(value);
    if (match === null) continue;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `${field} has the control character U+${code} at character ${match.index + 1}; remove it from the export (tabs and line breaks are allowed, other control characters are not)`;
  }
  return undefined;
}
