// SOQL literals from untrusted text, and IN lists sized to the REST URI limit or, in composite
// bodies, to the SOQL length budget.
import { describe, expect, it } from '@jest/globals';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import {
  bodyInListQueries,
  encodedLength,
  inListQueries,
  MAX_BODY_QUERY_LENGTH,
  quoteSoql,
} from '../../plugin/src/org/soql.js';

describe('quoteSoql', () => {
  const cases: Array<[string, string]> = [
    ['plain', "'plain'"],
    ["o'brien", "'o\\'brien'"],
    ['back\\slash', "'back\\\\slash'"],
    ['say "hi"', '\'say \\"hi\\"\''],
    ['line\nbreak\r\ttab', "'line\\nbreak\\r\\ttab'"],
    ['ünïcødé 🙂 名前', "'ünïcødé 🙂 名前'"],
  ];
  it.each(cases)('quotes %j', (value, literal) => {
    expect(quoteSoql(value)).toBe(literal);
  });

  it('keeps an injection attempt inside one literal', () => {
    const attack = "x' OR Name != '";
    const soql = `SELECT Id FROM Contact WHERE Email IN (${quoteSoql(attack)})`;
    const parsed = parseQuery(soql);
    const where = parsed.where?.left as { field?: string; value?: string[] } | undefined;
    expect(where?.field).toBe('Email');
    expect(parsed.where && 'right' in parsed.where ? parsed.where.right : undefined).toBeUndefined();
    expect(where?.value).toHaveLength(1);
  });
});

describe('inListQueries', () => {
  it('splits long lists so every query fits and no value is lost', () => {
    const values = Array.from({ length: 3000 }, (_, index) => `person.${index}+tag@example.com`);
    const queries = inListQueries('SELECT Id, Email FROM Contact WHERE Email', values, ' ORDER BY Id', 4000);
    expect(queries.length).toBeGreaterThan(1);
    for (const query of queries) expect(encodedLength(query)).toBeLessThanOrEqual(4000);
    const found = queries.flatMap((query) => [...query.matchAll(/'([^']*)'/g)].map((match) => match[1]));
    expect(new Set(found)).toEqual(new Set(values));
    expect(found).toHaveLength(values.length);
  });

  it('makes one query for a short list and none for an empty one', () => {
    expect(inListQueries('SELECT Id FROM Lead WHERE Email', ['a@x.com', 'a@x.com'])).toEqual([
      "SELECT Id FROM Lead WHERE Email IN ('a@x.com')",
    ]);
    expect(inListQueries('SELECT Id FROM Lead WHERE Email', [])).toEqual([]);
  });
});

describe('bodyInListQueries', () => {
  it('fills each query up to the SOQL length budget, without losing a value', () => {
    const values = Array.from({ length: 12_000 }, (_, index) => `instagram:1${String(index).padStart(12, '0')}`);
    const queries = bodyInListQueries('SELECT Id FROM Social_Identity__c WHERE External_Id__c', values);
    expect(queries).toHaveLength(Math.ceil((values.length * 27) / MAX_BODY_QUERY_LENGTH));
    for (const query of queries) expect(query.length).toBeLessThanOrEqual(MAX_BODY_QUERY_LENGTH);
    const found = queries.flatMap((query) => [...query.matchAll(/'([^']*)'/g)].map((match) => match[1]));
    expect(found).toEqual(values);
  });
});
