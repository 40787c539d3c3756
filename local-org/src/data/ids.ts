// Salesforce record ids: 15 case-sensitive characters (key prefix + counter) and the 3-character
// checksum that makes the 18-character, case-insensitive form. Surfaces accept either form.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Two "pod" characters and the reserved one, as real ids carry, so ids look like a real org's. */
const INSTANCE = '8d0';

/** The checksum suffix: for each block of five characters, which ones are upper-case letters. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let position = 0; position < 5; position++) {
      const char = id15.charAt(block * 5 + position);
      if (char >= 'A' && char <= 'Z') {
        bits |= 1 << position;
      }
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** The 18-character form of a well-formed 15- or 18-character id, or undefined if malformed. */
export function toId18(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) {
    return undefined;
  }
  const id15 = id.slice(0, 15);
  const suffix = idSuffix(id15);
  if (id.length === 18 && id.slice(15).toUpperCase() !== suffix) {
    return undefined;
  }
  return id15 + suffix;
}

/** Builds the n-th id of an object: `<prefix>8d0<9 base-62 digits><checksum>`. */
export function makeId(keyPrefix: string, sequence: number): string {
  let digits = '';
  let rest = sequence;
  for (let index = 0; index < 9; index++) {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  }
  const id15 = keyPrefix + INSTANCE + digits;
  return id15 + idSuffix(id15);
}

/** The local org's own id, a real-looking `00D` organization id. */
export const ORG_ID = makeId('00D', 1);
