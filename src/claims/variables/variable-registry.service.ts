import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../core/actor';
import { assertEditorial } from '../../access/edit-policy';
import { AuditService } from '../../audit/audit.service';
import { BadInputError } from '../../common/errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { DefineQuantityVariableInput } from './dto/define-quantity-variable.input';
import { QuantityVariable } from './quantity-variable.entity';

/**
 * The vocabulary of figures. Small (tens to hundreds of rows), so it is read whole when needed:
 * no cache to keep right across processes.
 */
@Injectable()
export class VariableRegistry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  list(manager: EntityManager = this.dataSource.manager): Promise<QuantityVariable[]> {
    return manager.find(QuantityVariable, { order: { name: 'ASC' } });
  }

  /** Each key as written mapped to its registered name: an alias to its variable; an unknown key to itself. */
  async canonical(manager: EntityManager, keys: string[]): Promise<Map<string, string>> {
    const byKey = new Map<string, string>();
    for (const v of await this.list(manager)) {
      byKey.set(v.name, v.name);
      for (const alias of v.aliases) byKey.set(alias, v.name);
    }
    return new Map(keys.map((k) => [k, byKey.get(k) ?? k]));
  }

  /** The registered names among `keys`. */
  async registered(keys: readonly string[]): Promise<Set<string>> {
    const names = new Set((await this.list()).map((v) => v.name));
    return new Set(keys.filter((k) => names.has(k)));
  }

  /** Adds a variable, or new aliases and descriptions to one (editors only). */
  define(input: DefineQuantityVariableInput, actor: Actor): Promise<QuantityVariable> {
    assertEditorial(actor, 'extend the vocabulary of figures');
    return this.tx.run(async (manager) => {
      const all = await this.list(manager);
      const taken = all.find((v) => v.name !== input.name && (v.aliases.includes(input.name) || (input.aliases ?? []).some((a) => a === v.name || v.aliases.includes(a))));
      if (taken) throw BadInputError.field('aliases', `already a name or alias of ${taken.name}`);
      const current = all.find((v) => v.name === input.name);
      const next = manager.create(QuantityVariable, {
        ...(current ?? {}),
        name: input.name,
        label: input.label,
        unit: input.unit ?? null,
        currency: input.currency ?? null,
        description: input.description,
        aliases: [...new Set(input.aliases ?? [])].filter((a) => a !== input.name),
        ucdp: input.ucdp ?? null,
        acled: input.acled ?? null,
        createdBy: current?.createdBy ?? actor.id,
      });
      await manager.save(QuantityVariable, next);
      await this.audit.record(manager, actor, current ? 'UPDATE' : 'CREATE', 'QuantityVariable', input.name, [
        { field: 'definition', before: current ?? null, after: { ...next, createdAt: undefined } },
      ]);
      return next;
    });
  }
}
