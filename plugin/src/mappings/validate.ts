// `sf social mappings validate`: the offline check of a mapping file and every row of its sources.
// Reads exactly what deploy reads, so a file that validates cleanly fails deploy only on org-side facts.
import type { LoadedMapping } from './mappingFile/load.js';
import { loadMappingFile, type LoadOptions } from './mappingFile/load.js';
import { conflictReason, findConflicts, pairTarget } from './pairConflicts.js';
import type { Identity } from './identity.js';
import { semanticWarnings } from './fieldSemantics.js';
import type { Problem } from './problem.js';
import { checkSourceFiles, readSources } from './sources/read.js';

export interface SourceSummary {
  name: string;
  rows: number;
  rejected: number;
}

/** The JSON result of `sf social mappings validate` (stable: scripts read it). */
export interface ValidateResult {
  file: string;
  valid: boolean;
  channels: number;
  rules: number;
  sources: SourceSummary[];
  /** Input rows read, rejected ones included. */
  rows: number;
  /** Distinct identities (network:userId) among the rows that can be used. */
  identities: number;
  rejected: number;
  /** One entry per rejected row, as file:line with the reason. */
  problems: Problem[];
  /** Rules whose normalisation does not fit their record field's meaning (the file is still valid). */
  warnings: Problem[];
}

export async function validateMapping(
  path: string,
  onProgress?: (rows: number) => void,
  options: LoadOptions = {},
): Promise<ValidateResult> {
  const loaded = await loadMappingFile(path, options);
  return validateLoaded(loaded, path, onProgress);
}

export async function validateLoaded(
  loaded: LoadedMapping,
  displayPath: string,
  onProgress?: (rows: number) => void,
): Promise<ValidateResult> {
  await checkSourceFiles(loaded, displayPath);
  const summaries = new Map<string, SourceSummary>(
    loaded.mapping.sources.map((source) => [source.name, { name: source.name, rows: 0, rejected: 0 }]),
  );
  const problems: Problem[] = [];
  const pairs: Identity[] = [];
  const externalIds = new Set<string>();
  let rows = 0;
  for await (const item of readSources(loaded, displayPath)) {
    rows += 1;
    if (rows % 10000 === 0) onProgress?.(rows);
    const origin = item.kind === 'identity' ? item.identity.row.origin : item.rejected.origin;
    const summary = summaries.get(origin.source)!;
    summary.rows += 1;
    if (item.kind === 'rejected') {
      summary.rejected += 1;
      problems.push({ file: origin.file, line: origin.line, message: item.rejected.reason });
      continue;
    }
    externalIds.add(item.identity.externalId);
    if (item.identity.row.pair !== undefined) pairs.push(item.identity);
  }
  for (const conflict of findConflicts(pairs, pairTarget)) {
    for (const row of conflict.rows) {
      summaries.get(row.row.origin.source)!.rejected += 1;
      problems.push({
        file: row.row.origin.file,
        line: row.row.origin.line,
        message: conflictReason(conflict, row, (identity) => pairTarget(identity) ?? 'no target'),
      });
    }
  }
  const rejected = problems.length;
  const warnings = loaded.mapping.rules.flatMap((rule, index) =>
    semanticWarnings(rule).map((message) => ({
      file: displayPath,
      ...loaded.locate(['rules', index, 'normalise']),
      message,
    })),
  );
  return {
    file: displayPath,
    valid: rejected === 0,
    channels: loaded.mapping.channels.length,
    rules: loaded.mapping.rules.length,
    sources: [...summaries.values()],
    rows,
    identities: externalIds.size,
    rejected,
    problems,
    warnings,
  };
}
