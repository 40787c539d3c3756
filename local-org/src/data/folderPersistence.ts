// `--data DIR`: keeps the store in DIR/records.ndjson (loaded at start, written shortly after every
// change and on stop) and the session in DIR/session.json, so a restart keeps data and sf logins.
// One JSON line per record, written and read in chunks: a large org (millions of records) never
// becomes one string, which V8 caps at about 512 MB. Folders from earlier versions (records.json,
// one JSON document) still load and are rewritten as lines on the first save.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { StoredRecord } from './store.js';
import type { MemoryStore, StoreSnapshot } from './memoryStore.js';

const SAVE_DELAY_MS = 200;
/** Saving rewrites the whole folder: wait at least this many times as long as the last save took. */
const SAVE_SPACING = 10;
const CHUNK_BYTES = 4 * 1024 * 1024;

/** One line of records.ndjson. */
type Line =
  ['version', 2] | ['counters', string, number, Record<string, number>] | ['live' | 'deleted', string, StoredRecord];

export class FolderPersistence {
  private timer: NodeJS.Timeout | undefined;
  private lastSaveMs = 0;
  private readonly recordsFile: string;
  private readonly legacyFile: string;
  private readonly sessionFile: string;

  constructor(
    private readonly dir: string,
    private readonly store: MemoryStore,
  ) {
    mkdirSync(dir, { recursive: true });
    this.recordsFile = join(dir, 'records.ndjson');
    this.legacyFile = join(dir, 'records.json');
    this.sessionFile = join(dir, 'session.json');
  }

  /** Loads saved records; false when the folder holds none yet. */
  load(): boolean {
    if (existsSync(this.recordsFile)) {
      this.store.clear();
      this.readLines(this.recordsFile, (line) => this.apply(line));
      return true;
    }
    if (existsSync(this.legacyFile)) {
      this.store.restore(this.parse(readFileSync(this.legacyFile, 'utf8'), this.legacyFile) as StoreSnapshot);
      return true;
    }
    return false;
  }

  /** Saves after every change, batched, from now on. */
  watch(): void {
    this.store.onChange(() => {
      this.timer ??= setTimeout(
        () => {
          this.timer = undefined;
          this.save();
        },
        Math.max(SAVE_DELAY_MS, SAVE_SPACING * this.lastSaveMs),
      );
    });
  }

  save(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const started = performance.now();
    const temporary = `${this.recordsFile}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      let pending: string[] = [];
      let pendingChars = 0;
      const write = (line: Line) => {
        const text = `${JSON.stringify(line)}\n`;
        pending.push(text);
        pendingChars += text.length;
        if (pendingChars >= CHUNK_BYTES) {
          writeSync(fd, pending.join(''));
          pending = [];
          pendingChars = 0;
        }
      };
      write(['version', 2]);
      for (const [objectName, saved] of Object.entries(this.store.snapshot().objects)) {
        write(['counters', objectName, saved.nextSequence, saved.autoNumbers]);
        for (const record of saved.records) write(['live', objectName, record]);
        for (const record of saved.deleted) write(['deleted', objectName, record]);
      }
      writeSync(fd, pending.join(''));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.recordsFile);
    rmSync(this.legacyFile, { force: true });
    this.lastSaveMs = performance.now() - started;
  }

  /** The access token saved by an earlier run, so `sf` stays logged in across restarts. */
  savedToken(): string | undefined {
    if (!existsSync(this.sessionFile)) return undefined;
    return (JSON.parse(readFileSync(this.sessionFile, 'utf8')) as { accessToken?: string }).accessToken;
  }

  saveToken(accessToken: string): void {
    writeFileSync(this.sessionFile, JSON.stringify({ accessToken }, null, 2));
  }

  get folder(): string {
    return this.dir;
  }

  private apply(line: Line): void {
    switch (line[0]) {
      case 'counters':
        this.store.restoreCounters(line[1], line[2], line[3]);
        break;
      case 'live':
      case 'deleted':
        this.store.restoreRecord(line[1], line[2], line[0] === 'deleted');
        break;
      default:
        break;
    }
  }

  /** Calls `each` for every line of the file, reading it a chunk at a time. */
  private readLines(file: string, each: (line: Line) => void): void {
    const fd = openSync(file, 'r');
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let rest = '';
    let lineNumber = 0;
    const take = (text: string) => {
      lineNumber++;
      if (text.trim() !== '') each(this.parse(text, `${file}:${lineNumber}`) as Line);
    };
    try {
      for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
        const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
        rest = lines.pop() ?? '';
        for (const text of lines) take(text);
      }
      take(rest + decoder.end());
    } finally {
      closeSync(fd);
    }
  }

  private parse(text: string, where: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(
        `${where} is not a readable local org snapshot (${(error as Error).message}). Delete the folder to start fresh.`,
      );
    }
  }
}
