// The org's records of a file's posts, kept on disk between threading (which reads them) and planning
// (which compares them): each comes back whole, from any number of spans, once per external id.
import { describe, expect, it } from '@jest/globals';
import { ExistingPosts } from '../../plugin/src/interactions/existingPosts.js';

describe('ExistingPosts', () => {
  it('gives back the records asked for, whole, across several disk spans', () => {
    // A span of 300 bytes holds one or two of these records: the 2,000 come back in many reads.
    const posts = new ExistingPosts(300);
    try {
      for (let index = 0; index < 2_000; index += 1) {
        posts.add({
          Id: `a00${String(index).padStart(15, '0')}`,
          External_Id__c: `x:${index}`,
          Body__c: index % 7 === 0 ? `émoji 👋 and "quotes"\n${index}` : `post ${index}`,
          Thread_Key__c: `x:${index - (index % 5)}`,
        });
      }
      expect(posts.size).toBe(2_000);
      expect(posts.has('x:1999')).toBe(true);
      expect(posts.has('X:1999')).toBe(false);
      const wanted = ['x:1999', 'x:0', 'x:700', 'x:701', 'x:not-in-org'];
      const found = posts.take(wanted);
      expect([...found.keys()].sort()).toEqual(['x:0', 'x:1999', 'x:700', 'x:701']);
      expect(found.get('x:700')).toEqual({
        Id: 'a00000000000000700',
        External_Id__c: 'x:700',
        Body__c: 'émoji 👋 and "quotes"\n700',
        Thread_Key__c: 'x:700',
      });
      expect(found.get('x:701')?.Body__c).toBe('post 701');
      // Every record, in one take.
      const all = posts.take(Array.from({ length: 2_000 }, (_, index) => `x:${index}`));
      expect(all.size).toBe(2_000);
      expect(all.get('x:1234')?.Thread_Key__c).toBe('x:1230');
    } finally {
      posts.discard();
    }
  });

  it('keeps the first record of an external id and turns Bulk API text into booleans', () => {
    const posts = new ExistingPosts();
    try {
      // A Bulk API 2.0 query answers every value as text; planning compares booleans.
      posts.add({
        Id: 'a01',
        External_Id__c: 'x:1',
        Deleted_On_Network__c: 'true',
        Contains_Personal_Data__c: 'false',
      });
      posts.add({ Id: 'a02', External_Id__c: 'x:1', Deleted_On_Network__c: false });
      posts.add({ Id: 'a03', External_Id__c: 'x:2', Deleted_On_Network__c: true, Contains_Personal_Data__c: null });
      expect(posts.size).toBe(2);
      const found = posts.take(['x:1', 'x:2']);
      expect(found.get('x:1')).toMatchObject({
        Id: 'a01',
        Deleted_On_Network__c: true,
        Contains_Personal_Data__c: false,
      });
      expect(found.get('x:2')).toMatchObject({
        Id: 'a03',
        Deleted_On_Network__c: true,
        Contains_Personal_Data__c: null,
      });
    } finally {
      posts.discard();
    }
  });

  it('holds nothing on disk when the org holds none of the posts', () => {
    const posts = new ExistingPosts();
    expect(posts.take(['x:1']).size).toBe(0);
    posts.discard();
    posts.discard();
  });
});
