import { describe, expect, it } from '@jest/globals';
import { findField, findObject, type OrgSchema } from '../../local-org/src/schema/model.js';

describe('node test project', () => {
  it('runs TypeScript ESM on Node 22', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
    const schema: OrgSchema = { objects: new Map() };
    expect(findObject(schema, 'Contact')).toBeUndefined();
    void findField;
  });
});
