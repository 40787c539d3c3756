// The read stage of `sf social interactions import` (pass 1 of 2): a small outline per post (ids,
// parent, person, time; no body) and the distinct identities, enough to settle identities and threads
// before any interaction is planned: a reply may come before its parent in the file, and a private
// message may continue a public post that comes later in the file but earlier in time.
import type { Identity } from '../mappings/identity.js';
import { isInteraction, toInteraction, type NormaliseContext } from './interaction.js';
import { OutlineStore, remember } from './outline.js';
import { readExport, type ExportFile } from './read.js';

export interface ExportOutline {
  /** Input rows read. */
  rows: number;
  outlines: OutlineStore;
  /** By external id, the first time each appears. */
  identities: Map<string, Identity>;
}

export async function outlineExport(
  exportFile: ExportFile,
  columns: Record<string, string>,
  context: NormaliseContext,
  options: { progress: (message: string) => void; stopped: () => boolean },
): Promise<ExportOutline> {
  options.progress('Reading the export (1/2)');
  const outlines = new OutlineStore();
  const identities = new Map<string, Identity>();
  let rows = 0;
  for await (const item of readExport(exportFile, columns)) {
    rows += 1;
    if (rows % 10_000 === 0) options.progress(`Reading the export (1/2): ${rows} rows`);
    if (item.kind === 'rejected' || options.stopped()) continue;
    const interaction = toInteraction(item.row, context);
    if (!isInteraction(interaction)) continue;
    if (interaction.identity !== undefined && !identities.has(interaction.identity.externalId)) {
      identities.set(interaction.identity.externalId, interaction.identity);
    }
    remember(outlines, interaction);
  }
  return { rows, outlines, identities };
}
