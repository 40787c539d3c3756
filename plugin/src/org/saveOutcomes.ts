// The outcomes of many writes, one per position. A Bulk API upsert of a million identities settled a
// million `SaveOutcome` objects (an object and an id string each, about 100 bytes), held until every row
// was reported; here a position costs a flag byte and the 18 characters of its record id, and an object is
// made only when a position is read. Errors (few, and long) and the Leads a write linked stay in Maps.
import type { SaveOutcome } from './client.js';
import { StringTable } from '../memory/stringTable.js';

/** Outcomes by position, read one at a time: an array of them is one too. */
export interface Outcomes extends Iterable<SaveOutcome | undefined> {
  readonly length: number;
  at(index: number): SaveOutcome | undefined;
}

const SETTLED = 1;
const SUCCESS = 2;
const CREATED_KNOWN = 4;
const CREATED = 8;
/** The id is in `ids` (18 ASCII characters, as Salesforce ids are in every API answer). */
const ID_PACKED = 16;
/** The id is in `otherIds` (any other length or character). */
const ID_OTHER = 32;

const ID_LENGTH = 18;

export class CompactOutcomes implements Outcomes {
  private readonly flags: Uint8Array;
  private readonly ids: Buffer;
  private readonly otherIds = new Map<number, string>();
  private readonly errors = new Map<number, string>();
  private readonly relatedIds = new Map<number, string>();

  public constructor(public readonly length: number) {
    this.flags = new Uint8Array(length);
    this.ids = Buffer.alloc(length * ID_LENGTH);
  }

  public set(index: number, outcome: SaveOutcome): void {
    if (index < 0 || index >= this.length) throw new RangeError(`no outcome position ${index} of ${this.length}`);
    let flags = SETTLED | (outcome.success ? SUCCESS : 0);
    if (outcome.created !== undefined) flags |= CREATED_KNOWN | (outcome.created ? CREATED : 0);
    this.otherIds.delete(index);
    if (outcome.id !== undefined) {
      if (outcome.id.length === ID_LENGTH && /^[\x20-\x7e]*$/.test(outcome.id)) {
        this.ids.write(outcome.id, index * ID_LENGTH, 'latin1');
        flags |= ID_PACKED;
      } else {
        this.otherIds.set(index, outcome.id);
        flags |= ID_OTHER;
      }
    }
    keep(this.errors, index, outcome.error);
    keep(this.relatedIds, index, outcome.relatedId);
    this.flags[index] = flags;
  }

  public at(index: number): SaveOutcome | undefined {
    const flags = this.flags[index];
    if (flags === undefined || (flags & SETTLED) === 0) return undefined;
    const outcome: SaveOutcome = { success: (flags & SUCCESS) !== 0 };
    if (flags & ID_PACKED) outcome.id = this.ids.toString('latin1', index * ID_LENGTH, (index + 1) * ID_LENGTH);
    else if (flags & ID_OTHER) outcome.id = this.otherIds.get(index)!;
    if (flags & CREATED_KNOWN) outcome.created = (flags & CREATED) !== 0;
    const relatedId = this.relatedIds.get(index);
    if (relatedId !== undefined) outcome.relatedId = relatedId;
    const error = this.errors.get(index);
    if (error !== undefined) outcome.error = error;
    return outcome;
  }

  /** Every outcome as an object (tests, and callers with few): each position must be settled. */
  public toArray(): SaveOutcome[] {
    return Array.from({ length: this.length }, (_, index) => {
      const outcome = this.at(index);
      if (outcome === undefined) throw new Error(`outcome ${index} of ${this.length} is not settled`);
      return outcome;
    });
  }

  public *[Symbol.iterator](): Iterator<SaveOutcome | undefined> {
    for (let index = 0; index < this.length; index += 1) yield this.at(index);
  }
}

function keep(map: Map<number, string>, index: number, value: string | undefined): void {
  if (value === undefined) map.delete(index);
  else map.set(index, value);
}

/**
 * A Bulk job's outcomes by external id, as its result files give them (in no set order): the keys as
 * bytes in a StringTable, the outcomes in a CompactOutcomes by the key's number. At most `capacity`
 * distinct keys: the records the job took.
 */
export class OutcomesByKey {
  private readonly keys: StringTable;
  private readonly outcomes: CompactOutcomes;

  public constructor(capacity: number) {
    this.keys = new StringTable(capacity);
    this.outcomes = new CompactOutcomes(capacity);
  }

  public set(key: string, outcome: SaveOutcome): void {
    const number = this.keys.add(key);
    if (number >= this.outcomes.length) {
      throw new Error(`the Bulk API job answered for more records than the ${this.outcomes.length} it took`);
    }
    this.outcomes.set(number, outcome);
  }

  public get(key: string): SaveOutcome | undefined {
    const number = this.keys.numberOf(key);
    return number < 0 ? undefined : this.outcomes.at(number);
  }
}
