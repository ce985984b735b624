import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The events a write publishes inside its transaction, by name and payload. Each is declared once,
 * by the module that publishes it, by adding to this interface:
 *
 *   declare module '../database/domain-events' { interface DomainEventMap { 'claims.figuresChanged': FiguresChange[] } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;

/** A subscriber: runs in the publisher's transaction, so a derived value never disagrees with the rows it comes from. */
export type DomainEventHandler<K extends DomainEventName> = (manager: EntityManager, payload: DomainEventMap[K]) => Promise<void>;

/**
 * One in-transaction event bus, in place of a hook array in each publishing service. Subscribers
 * register when their module starts; publish awaits each in registration order, and a subscriber's
 * error fails the write, as a hook's did.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventName, Array<DomainEventHandler<never>>>();

  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as DomainEventHandler<never>]);
  }

  async publish<K extends DomainEventName>(manager: EntityManager, name: K, payload: DomainEventMap[K]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await (handler as DomainEventHandler<K>)(manager, payload);
  }
}
