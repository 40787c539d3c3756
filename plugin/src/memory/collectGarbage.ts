// V8 collects old-generation garbage lazily: after each full collection it lets the heap grow to two
// to four times what was live before it collects again. A deploy of 100,000 rows holds about 40 MB
// at any time, but each partition's rows, resolutions and plan (about 25 MB per 20,000 rows) become
// garbage together, and left to V8 the heap reaches 200 MB and more before it is collected; memory the
// heap once held is not given back to the system during the run. The deploy knows when a partition's
// working set is dropped, so it asks for a collection there: about 10 to 30 ms each, a few times a run.
// The collector is taken from a new context with --expose-gc set for that moment only, so `gc` never
// appears on the global object of the process the plugin runs in (sf's).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/** A full garbage collection now; does nothing where V8 does not allow it. */
export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  collector?.();
}
