// The rows of a Bulk API 2.0 CSV answer (a query's results, an ingest job's result files), read as they
// arrive. A general CSV library costs about 10 µs a row here (options, casts, per-field records), which at
// 1,000,000 result rows is seconds of CPU for nothing the deploy needs; the dialect Salesforce writes is
// small: RFC 4180 fields (a quoted field doubles its quotes and may hold commas and line breaks), comma
// delimited, LF or CRLF line ends (Bulk API 2.0 Developer Guide, "Bulk API 2.0 and Bulk API Limits":
// lineEnding, columnDelimiter COMMA), the header first.
import { StringDecoder } from 'node:string_decoder';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export class CsvFormatError extends Error {}

/**
 * Splits CSV text into rows of fields as chunks arrive: `push` each chunk, `end` after the last. The
 * header's names key each row; a blank line is skipped; a row whose field count differs from the
 * header's is an error (the answer is cut or not the CSV it claims to be).
 */
export class CsvRows {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private header: string[] | undefined;
  private line = 0;

  public constructor(private readonly onRow: (row: Record<string, string>) => void) {}

  public push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    this.pending = this.parse(this.pending === '' ? text : this.pending + text, false);
  }

  public end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (this.parse(rest, true) !== '') throw new CsvFormatError('the CSV answer ends inside a quoted field');
  }

  /** Emits every complete row of `text`; returns what is left (a row not yet whole). */
  private parse(text: string, final: boolean): string {
    let start = 0;
    if (this.header === undefined && this.line === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
    const length = text.length;
    const fields: string[] = [];
    let position = start;
    for (;;) {
      // One row from `start`.
      fields.length = 0;
      position = start;
      let quoted = false;
      for (;;) {
        let value: string;
        if (position < length && text.charCodeAt(position) === QUOTE) {
          let from = position + 1;
          value = '';
          quoted = true;
          for (;;) {
            const quote = text.indexOf('"', from);
            if (quote < 0) return text.slice(start);
            if (quote + 1 >= length && !final) return text.slice(start);
            if (text.charCodeAt(quote + 1) === QUOTE) {
              value += text.slice(from, quote + 1);
              from = quote + 2;
              continue;
            }
            value += text.slice(from, quote);
            position = quote + 1;
            break;
          }
        } else {
          let end = position;
          while (end < length) {
            const code = text.charCodeAt(end);
            if (code === COMMA || code === LF || code === CR) break;
            end += 1;
          }
          value = text.slice(position, end);
          position = end;
        }
        fields.push(value);
        if (position >= length) {
          // The row ends with the text: whole only if no more is coming.
          if (!final) return text.slice(start);
          break;
        }
        const code = text.charCodeAt(position);
        if (code === COMMA) {
          position += 1;
          continue;
        }
        if (code === CR) {
          if (position + 1 >= length && !final) return text.slice(start);
          position += text.charCodeAt(position + 1) === LF ? 2 : 1;
        } else if (code === LF) {
          position += 1;
        } else {
          throw new CsvFormatError(`row ${this.line + 1} of the CSV answer has text after a quoted field`);
        }
        break;
      }
      this.emit(fields, quoted);
      start = position;
      if (position >= length) return '';
    }
  }

  private emit(fields: string[], quoted: boolean): void {
    this.line += 1;
    // A blank line (one empty unquoted field) carries nothing.
    if (fields.length === 1 && fields[0] === '' && !quoted) return;
    if (this.header === undefined) {
      this.header = [...fields];
      return;
    }
    const header = this.header;
    if (fields.length !== header.length) {
      throw new CsvFormatError(
        `row ${this.line} of the CSV answer has ${fields.length} fields, its header ${header.length}`,
      );
    }
    const row: Record<string, string> = {};
    for (let index = 0; index < header.length; index += 1) row[header[index]!] = fields[index]!;
    this.onRow(row);
  }
}
