import { KnownGoodKeys } from './known-good-keys';

describe('KnownGoodKeys', () => {
  it('keeps the most recently used hashes up to its bound, and forgets on request', () => {
    const keys = new KnownGoodKeys(2);
    keys.remember('a');
    keys.remember('b');
    expect(keys.has('a')).toBe(true); // now b is the least recently used
    keys.remember('c');
    expect([keys.has('a'), keys.has('b'), keys.has('c'), keys.size]).toEqual([true, false, true, 2]);
    keys.forget('a');
    expect(keys.has('a')).toBe(false);
  });

  it('remembers nothing when its bound is 0', () => {
    const keys = new KnownGoodKeys(0);
    keys.remember('a');
    expect(keys.has('a')).toBe(false);
  });
});
