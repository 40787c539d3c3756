// The import's planned interaction writes and result lines, kept on disk until the one write at the end.
// Batches are read and planned one after another, but their writes go out together (one Bulk API job
// rather than one per batch of 10,000 rows): no write depends on another's record id (replies name their
// parent by external id, threads by key). Holding every planned write and every row waiting for its
// outcome as objects would make memory grow with the input, so both are NDJSON files, read back in the
// order added: the writes to upload them (and again to match the job's results), the lines to report
// them in the file's order. The writes are cut into jobs that Bulk API 2.0 accepts (an upload of at most
// 100 MB before its base64 encoding), each as full as that allows (every job costs its own calls), and
// whose results the client can hold (it keeps one outcome per record of a job).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keysOfJsonLines, MAX_UPLOAD_BYTES, UploadBound, type BulkRecords } from '../org/bulkRecords.js';
import { NdjsonFile } from '../memory/ndjsonFile.js';
import type { PlannedBatch } from './batch.js';
import type { ResultLine } from './results.js';

/**
 * Records of one job at most: its outcomes are held while its lines are reported (compactly, some 80
 * bytes each with the job's results by external id: saveOutcomes.ts); an upload of 100 MB holds some
 * 300,000 interactions.
 */
export const JOB_RECORDS = 500_000;
/** CSV bytes of a job's upload at most (bounded from the writes' JSON: UploadBound), what Bulk API 2.0 takes. */
export const JOB_BYTES = MAX_UPLOAD_BYTES;

export interface JobLimits {
  records: number;
  bytes: number;
}

/** The writes of one job: positions first to first + count - 1 of all the writes. */
export interface SpooledJob {
  first: number;
  records: BulkRecords;
}

/** A result line and, when its post is written, the position of its write among all the writes. */
export interface SpooledLine {
  line: ResultLine;
  write?: number;
}

export class ImportSpool {
  /** Writes added so far: the next write's position. */
  public writeCount = 0;
  private readonly jobs: Array<{
    first: number;
    count: number;
    upload: UploadBound;
    file: NdjsonFile;
  }> = [];
  private readonly lines: NdjsonFile;

  private constructor(
    private readonly dir: string,
    private readonly limits: JobLimits,
  ) {
    this.lines = new NdjsonFile(join(dir, 'lines.ndjson'));
  }

  public static async open(limits: JobLimits = { records: JOB_RECORDS, bytes: JOB_BYTES }): Promise<ImportSpool> {
    return new ImportSpool(await mkdtemp(join(tmpdir(), 'social-import-')), limits);
  }

  /** Adds a planned batch: its lines in order, each written line with the position of its write. */
  public async add(planned: PlannedBatch): Promise<void> {
    // A batch's lines go to disk as one text, each job's writes as another: one write call each rather
    // than one (and one promise) a row.
    const lines: string[] = [];
    for (const [index, line] of planned.lines.entries()) {
      const write = planned.writeOf.get(index);
      lines.push(JSON.stringify(write === undefined ? [line] : [line, this.writeCount + write]));
    }
    if (lines.length > 0) await this.lines.addLine(lines.join('\n'));
    let texts: string[] = [];
    let job = this.jobs.at(-1);
    for (const write of planned.writes) {
      const json = JSON.stringify(write);
      const bytes = Buffer.byteLength(json);
      if (
        job === undefined ||
        (job.count > 0 && (job.count >= this.limits.records || job.upload.with(write, bytes) > this.limits.bytes))
      ) {
        if (job !== undefined && texts.length > 0) await job.file.addLine(texts.join('\n'));
        texts = [];
        job = {
          first: this.writeCount,
          count: 0,
          upload: new UploadBound(['External_Id__c']),
          file: new NdjsonFile(join(this.dir, `writes-${this.jobs.length + 1}.ndjson`)),
        };
        this.jobs.push(job);
      }
      job.upload.add(write, bytes);
      texts.push(json);
      job.count += 1;
      this.writeCount += 1;
    }
    if (job !== undefined && texts.length > 0) await job.file.addLine(texts.join('\n'));
  }

  /** The writes, job by job, as upsert records in the order added; each readable again and again. */
  public plannedJobs(): SpooledJob[] {
    return this.jobs.map(({ first, count, upload, file }) => ({
      first,
      records: {
        count,
        columns: [...upload.columns],
        read: () => file.read<Record<string, unknown>>(),
        readKeys: (field: string) => keysOfJsonLines(file.lines(), field),
      },
    }));
  }

  /** Every line in the order added. */
  public async *spooledLines(): AsyncGenerator<SpooledLine> {
    for await (const [line, write] of this.lines.read<[ResultLine, number?]>()) {
      yield write === undefined ? { line } : { line, write };
    }
  }

  public async discard(): Promise<void> {
    for (const job of this.jobs) job.file.destroy();
    this.lines.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
