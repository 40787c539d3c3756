// Bulk API 2.0 job ids: real jobs carry the 750 key prefix.

import { makeId } from '../data/ids.js';

let nextJob = 1;

export function newJobId(): string {
  return makeId('750', nextJob++);
}
