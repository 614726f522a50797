import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPayload } from '../../main/ipc/payload-guard';

describe('checkPayload', () => {
  it('accepts small plain data', () => {
    expect(checkPayload({ a: 'x', b: [1, true, null], c: { d: 'e' } })).toBeNull();
    expect(checkPayload(Object.assign(Object.create(null) as object, { a: 1 }))).toBeNull();
  });

  it.each([
    ['a 1 MB string', 'a'.repeat(1024 * 1024), 'too large'],
    ['a huge key', { ['k'.repeat(20_000)]: 1 }, 'too large'],
    ['many keys', Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])), 'too many entries'],
    ['a long array', Array.from({ length: 100 }, () => 0), 'too many entries'],
    ['deep nesting', { a: { b: { c: { d: { e: 1 } } } } }, 'too deep'],
    ['a Date', new Date(0), 'not a plain object'],
    ['a Map', new Map(), 'not a plain object'],
    ['a typed array', new Uint8Array(4), 'not a plain object'],
    ['a bigint', 10n, 'unsupported type bigint'],
    ['NaN', Number.NaN, 'not a finite number'],
    ['Infinity', { a: Infinity }, 'not a finite number'],
  ])('refuses %s', (_name, value, reason) => {
    expect(checkPayload(value)).toBe(reason);
  });

  it('property: never throws and never accepts more than the character limit', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        const reason = checkPayload(value, { maxChars: 50, maxDepth: 3, maxEntries: 10 });
        if (reason === null) {
          const json = JSON.stringify(value, (_k, v: unknown) => v);
          expect(json === undefined || json.length < 50 * 6 + 200).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
