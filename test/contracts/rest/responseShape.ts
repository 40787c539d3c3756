// Compares the shape of a JSON answer with a documented example: the same keys, each value of the
// same JSON type (string, number, boolean, object, array, null), recursively; arrays by their
// first element. A documented null accepts any type (the docs show a field that may be empty).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export interface ShapeOptions {
  /** Paths (`$.fields`, `$`) whose objects may hold keys the example does not show (maps keyed by data). */
  openObjects?: string[];
}

export function shapeDifferences(documented: Json, actual: unknown, options: ShapeOptions = {}, path = '$'): string[] {
  const expected = kindOf(documented);
  const found = kindOf(actual);
  if (expected === 'null') return [];
  if (expected !== found) return [`${path} is ${found}, documented ${expected}`];
  if (Array.isArray(documented)) {
    const items = actual as unknown[];
    if (documented.length === 0 || items.length === 0) return [];
    return shapeDifferences(documented[0]!, items[0], options, `${path}[0]`);
  }
  if (expected !== 'object') return [];
  const differences: string[] = [];
  const object = actual as Record<string, unknown>;
  const example = documented as Record<string, Json>;
  for (const [key, value] of Object.entries(example)) {
    if (!(key in object)) differences.push(`${path}.${key} missing`);
    else differences.push(...shapeDifferences(value, object[key], options, `${path}.${key}`));
  }
  if (!options.openObjects?.includes(path)) {
    for (const key of Object.keys(object)) {
      if (!(key in example)) differences.push(`${path}.${key} is not in the documented example`);
    }
  }
  return differences;
}
