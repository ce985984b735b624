import { Role } from '../core/role';
import { ActorCache } from './actor-cache';

describe('ActorCache', () => {
  const actor = { id: 'u1', name: 'Desk', role: Role.EDITOR };

  it('trusts an entry for its lifetime only', () => {
    const cache = new ActorCache(10_000);
    cache.set('h', actor, cache.generation, 1_000);
    expect(cache.get('h', 10_999)).toBe(actor);
    expect(cache.get('h', 11_000)).toBeUndefined();
    // An expired entry is dropped, not revived.
    expect(cache.get('h', 1_000)).toBeUndefined();
  });

  it('keeps nothing when the lifetime is zero', () => {
    const cache = new ActorCache(0);
    cache.set('h', actor, cache.generation, 0);
    expect(cache.get('h', 0)).toBeUndefined();
  });

  it('forgets everything on clear and starts over when full', () => {
    const cache = new ActorCache(10_000, 2);
    cache.set('a', actor, cache.generation, 0);
    cache.set('b', actor, cache.generation, 0);
    cache.set('c', actor, cache.generation, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, undefined, actor]);
    cache.clear();
    expect(cache.get('c', 1)).toBeUndefined();
  });

  it('drops a look-up that began before a clear, so a revocation is not undone by a request in flight', () => {
    const cache = new ActorCache(10_000);
    const began = cache.generation;
    cache.clear();
    cache.set('h', actor, began, 0);
    expect(cache.get('h', 1)).toBeUndefined();
    cache.set('h', actor, cache.generation, 0);
    expect(cache.get('h', 1)).toBe(actor);
  });
});
