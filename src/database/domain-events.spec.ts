import { EntityManager } from 'typeorm';
import { DomainEvents } from './domain-events';

declare module './domain-events' {
  interface DomainEventMap {
    'test.happened': string[];
  }
}

describe('DomainEvents', () => {
  const manager = {} as EntityManager;

  it('runs subscribers one after another, in the order they subscribed, with the publisher\'s manager', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('test.happened', async (m, ids) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`first ${ids.join(',')} ${m === manager}`);
    });
    events.on('test.happened', async (_m, ids) => void seen.push(`second ${ids.join(',')}`));
    await events.publish(manager, 'test.happened', ['a', 'b']);
    expect(seen).toEqual(['first a,b true', 'second a,b']);
  });

  it('fails the publish when a subscriber fails, and runs no later subscriber', async () => {
    const events = new DomainEvents();
    const later = jest.fn(async () => undefined);
    events.on('test.happened', async () => {
      throw new Error('derived value could not be kept');
    });
    events.on('test.happened', later);
    await expect(events.publish(manager, 'test.happened', [])).rejects.toThrow('derived value could not be kept');
    expect(later).not.toHaveBeenCalled();
  });

  it('publishes to nobody without error', async () => {
    await expect(new DomainEvents().publish(manager, 'test.happened', ['x'])).resolves.toBeUndefined();
  });
});
