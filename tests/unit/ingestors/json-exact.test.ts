import { describe, expect, it } from 'vitest';
import { parseJsonExact, quoteLongIntegers } from '../../../ingestors/json-exact.ts';

describe('parseJsonExact', () => {
  it('keeps integers beyond 2^53 as their exact digits, and everything else as JSON.parse reads it', () => {
    expect(parseJsonExact('{"id": 1367000000000000001, "n": 42, "big": 9007199254740991, "f": 1.5e300, "neg": -1367000000000000001}')).toEqual({
      id: '1367000000000000001',
      n: 42,
      big: 9007199254740991,
      f: 1.5e300,
      neg: '-1367000000000000001',
    });
    expect(parseJsonExact('[1367000000000000001,2]')).toEqual(['1367000000000000001', 2]);
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = '{"t": "id 1367000000000000001 \\" 1367000000000000002", "id": 1367000000000000003}';
    expect(parseJsonExact(text)).toEqual({ t: 'id 1367000000000000001 " 1367000000000000002', id: '1367000000000000003' });
    expect(quoteLongIntegers('{"a": "12345678901234567890"}')).toBe('{"a": "12345678901234567890"}');
  });

  it('fails on malformed JSON as JSON.parse does', () => {
    expect(() => parseJsonExact('{"id": 1367000000000000001,')).toThrow(SyntaxError);
  });
});

describe('parseJsonExact on what JSON.parse refuses', () => {
  it('still refuses a number with a leading zero', () => {
    expect(() => parseJsonExact('{"id": 01367000000000000001}')).toThrow(SyntaxError);
  });
});
