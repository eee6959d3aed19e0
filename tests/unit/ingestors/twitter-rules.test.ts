import { describe, expect, it } from 'vitest';
import { accountRule, diffRules, QuerySyntaxError, rulesForBrands, toXRule } from '../../../ingestors/twitter-rules.ts';
import { brand } from './helpers.ts';

describe('brand query → X rule', () => {
  it.each([
    ['Telekom', 'Telekom'],
    ['"Deutsche Bahn" OR #bahnchaos', '"Deutsche Bahn" OR #bahnchaos'],
    ['bahn AND (verspätung OR ausfall)', 'bahn (verspätung OR ausfall)'],
    ['bahn verspätung', 'bahn verspätung'],
    ['(bahn OR db) AND NOT gewinnspiel', '(bahn OR db) -gewinnspiel'],
    ['telekom -"telekom baskets"', 'telekom -"telekom baskets"'],
    ['@DB_Bahn OR "Deutsche Bahn" AND störung', '@DB_Bahn OR "Deutsche Bahn" störung'],
    ['acme NOT (promo OR ad)', 'acme -(promo OR ad)'],
    ['„Deutsche Bahn“ kaputt', '"Deutsche Bahn" kaputt'],
    ['vodafone AND (kabel OR "kein internet") OR o2', 'vodafone (kabel OR "kein internet") OR o2'],
    ['Preis:hoch', '"Preis:hoch"'],
  ])('%s → %s', (query, rule) => {
    expect(toXRule(query)).toBe(rule);
  });

  it.each([
    ['NOT bahn', /positive term/],
    ['(bahn OR db', /missing "\)"/],
    ['"Deutsche Bahn', /unterminated phrase/],
    ['bahn OR', /unexpected end/],
  ])('rejects %s with a reason', (query, reason) => {
    expect(() => toXRule(query)).toThrow(QuerySyntaxError);
    expect(() => toXRule(query)).toThrow(reason);
  });

  it('turns brand accounts into mention and author operands', () => {
    expect(accountRule(['@DB_Bahn', '12345', 'not a handle!'])).toBe('@DB_Bahn OR from:DB_Bahn OR from:12345 OR to:12345');
  });

  it('reports brands whose rule would exceed the length limit instead of sending it', () => {
    const long = brand({ id: 'long', query: Array.from({ length: 80 }, (_, i) => `wort${i}`).join(' OR ') });
    const { rules, errors } = rulesForBrands([long, brand({ id: 'ok', query: 'acme' })], { maxRuleLength: 512, includeRetweets: false });
    expect(rules).toEqual([{ tag: 'kundenradar:ok', value: '(acme) -is:retweet' }]);
    expect(errors[0]?.brand).toBe('long');
    expect(errors[0]?.reason).toMatch(/X allows 512/);
  });

  it('diffs by tag and value and leaves foreign rules alone', () => {
    const existing = [
      { id: '1', tag: 'kundenradar:a', value: 'a' },
      { id: '2', tag: 'kundenradar:b', value: 'old' },
      { id: '3', tag: 'someone-else', value: 'x' },
    ];
    expect(diffRules(existing, [{ tag: 'kundenradar:a', value: 'a' }, { tag: 'kundenradar:b', value: 'new' }])).toEqual({
      add: [{ tag: 'kundenradar:b', value: 'new' }],
      deleteIds: ['2'],
    });
  });
});
