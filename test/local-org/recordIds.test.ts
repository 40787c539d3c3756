// Salesforce ids: the 18-character checksum suffix, 15/18 conversion and rejection of malformed ids.

import { describe, expect, it } from '@jest/globals';
import { idSuffix, makeId, toId18 } from '../../local-org/src/data/ids.js';

describe('record ids', () => {
  it.each([
    ['005000000000001', 'AAA'],
    ['a03D000000ABCde', 'IAH'],
    ['00D8d0000000001', 'EAA'],
    ['ZZZZZZZZZZZZZZZ', '555'],
  ])('suffix of %s is %s', (id15, suffix) => {
    expect(idSuffix(id15)).toBe(suffix);
  });

  it('converts 15 to 18 characters, accepts the 18-character form in any case of its suffix, and rejects the rest', () => {
    expect(toId18('a03D000000ABCde')).toBe('a03D000000ABCdeIAH');
    expect(toId18('a03D000000ABCdeiah')).toBe('a03D000000ABCdeIAH');
    expect(toId18('a03D000000ABCdeAAA')).toBeUndefined();
    expect(toId18('a03D000000ABCd')).toBeUndefined();
    expect(toId18('a03D000000ABCd!')).toBeUndefined();
  });

  it('makes distinct ids with the object prefix and a valid checksum', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => makeId('a02', index + 1));
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^a02[a-zA-Z0-9]{15}$/);
      expect(toId18(id.slice(0, 15))).toBe(id);
    }
  });
});
