// `--data DIR`: keeps the store in DIR/records.json (loaded at start, written shortly after every
// change and on stop) and the session in DIR/session.json, so a restart keeps data and sf logins.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryStore, StoreSnapshot } from './memoryStore.js';

const SAVE_DELAY_MS = 200;

export class FolderPersistence {
  private timer: NodeJS.Timeout | undefined;
  private readonly recordsFile: string;
  private readonly sessionFile: string;

  constructor(
    private readonly dir: string,
    private readonly store: MemoryStore,
  ) {
    mkdirSync(dir, { recursive: true });
    this.recordsFile = join(dir, 'records.json');
    this.sessionFile = join(dir, 'session.json');
  }

  /** Loads saved records; false when the folder holds none yet. */
  load(): boolean {
    if (!existsSync(this.recordsFile)) {
      return false;
    }
    let snapshot: StoreSnapshot;
    try {
      snapshot = JSON.parse(readFileSync(this.recordsFile, 'utf8')) as StoreSnapshot;
    } catch (error) {
      throw new Error(
        `${this.recordsFile} is not a readable local org snapshot (${(error as Error).message}). Delete the folder to start fresh.`,
      );
    }
    this.store.restore(snapshot);
    return true;
  }

  /** Saves after every change, batched, from now on. */
  watch(): void {
    this.store.onChange(() => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.save();
      }, SAVE_DELAY_MS);
    });
  }

  save(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const temporary = `${this.recordsFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.store.snapshot()));
    renameSync(temporary, this.recordsFile);
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
}
