import { PlanCache } from './plan-cache';

describe('PlanCache', () => {
  it('keeps at most its capacity across kinds, dropping the least recently used, and counts what it does', () => {
    const cache = new PlanCache(3);
    const documents = cache.kind<{ text: string }>('direct_document');
    const trees = cache.kind<{ text: string }>('claim_tree');
    const built: string[] = [];
    const plan = (text: string) => () => {
      built.push(text);
      return { text };
    };
    documents.get('a', plan('a'));
    documents.get('b', plan('b'));
    trees.get('a', plan('tree a')); // the same key in another kind is another plan
    expect(documents.get('a', plan('a again')).text).toBe('a'); // a hit: `a` is now the most recently used
    documents.get('c', plan('c')); // over capacity: `b`, the least recently used, goes
    trees.get('b', plan('tree b')); // and then `tree a`
    expect(built).toEqual(['a', 'b', 'tree a', 'c', 'tree b']);

    expect(cache.stats()).toEqual({
      size: 3,
      capacity: 3,
      evictions: 2,
      kinds: [
        { kind: 'direct_document', hits: 1, misses: 3 },
        { kind: 'claim_tree', hits: 0, misses: 2 },
      ],
    });
    // What is kept: `a`, `c` and `tree b`; `b` and `tree a` are built again.
    expect(documents.get('a', plan('a lost')).text).toBe('a');
    expect(documents.get('c', plan('c lost')).text).toBe('c');
    expect(trees.get('b', plan('tree b lost')).text).toBe('tree b');
    expect(documents.get('b', plan('b again')).text).toBe('b again');
    expect(trees.get('a', plan('tree a again')).text).toBe('tree a again');
    expect(cache.stats()).toMatchObject({ size: 3, evictions: 4 });
  });

  it('never holds more than its capacity, however many plans come', () => {
    const cache = new PlanCache(10);
    const plans = cache.kind<number>('direct_document');
    for (let i = 0; i < 1000; i++) plans.get(`query ${i}`, () => i);
    expect(cache.stats()).toMatchObject({ size: 10, evictions: 990 });
    expect(plans.get('query 999', () => -1)).toBe(999);
    expect(plans.get('query 989', () => -1)).toBe(-1);
  });

  it('refuses a kind declared twice, and a capacity below one', () => {
    const cache = new PlanCache(1);
    cache.kind('claim_tree');
    expect(() => cache.kind('claim_tree')).toThrow('Plan kind claim_tree declared twice');
    expect(() => new PlanCache(0)).toThrow();
    expect(() => new PlanCache(Number.NaN)).toThrow();
  });
});
