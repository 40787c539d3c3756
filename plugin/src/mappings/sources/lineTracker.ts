// Maps byte offsets of a stream to line numbers, so CSV errors name the line a record starts on.
// csv-parse's own `info.lines` counts a CRLF inside a quoted field as two lines, and says where a
// record ends, not where it starts. This tap counts "\n" itself and forgets the bytes it has passed,
// so memory stays bounded by what the parser has buffered, not by the file.
import { Transform, type TransformCallback } from 'node:stream';

export class LineTracker extends Transform {
  private chunks: Array<{ start: number; bytes: Buffer }> = [];
  private received = 0;
  private offset = 0;
  private line = 1;

  public override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.chunks.push({ start: this.received, bytes: chunk });
    this.received += chunk.length;
    callback(null, chunk);
  }

  /**
   * The line of the first byte at or after `offset` that is not a line break (blank lines before a
   * record belong to no record). Offsets must not go backwards between calls.
   */
  public lineOfRecordAt(offset: number): number {
    this.advanceTo(offset);
    // Skip the blank lines and the line break that ended the previous record.
    for (const { start, bytes } of this.chunks) {
      for (let index = Math.max(0, this.offset - start); index < bytes.length; index += 1) {
        const byte = bytes[index];
        if (byte === 0x0a) {
          this.line += 1;
        } else if (byte !== 0x0d) {
          return this.line;
        }
        this.offset = start + index + 1;
      }
    }
    return this.line;
  }

  private advanceTo(offset: number): void {
    while (this.chunks.length > 0 && this.offset < offset) {
      const { start, bytes } = this.chunks[0]!;
      const end = Math.min(offset, start + bytes.length);
      for (let index = this.offset - start; index < end - start; index += 1) {
        if (bytes[index] === 0x0a) this.line += 1;
      }
      this.offset = end;
      if (end === start + bytes.length) this.chunks.shift();
    }
  }
}
