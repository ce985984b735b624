import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/errors';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { apiKeyCacheMs } from '../config/settings';
import { storageFault } from '../database/storage-faults';
import { TransactionRunner } from '../database/transaction-runner';
import { AccessChanges } from './access-changes';
import { Actor } from '../core/actor';
import { CHECKING_ROLES } from '../core/role';
import { Client, RateLimits } from '../limits/rate-limits';
import { ActorCache } from './actor-cache';
import { ApiKey } from './api-key.entity';
import { generateApiKey, hashApiKey, keyPrefix } from './api-keys';
import { CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './dto/user.input';
import { User } from './user.entity';
import { insertNew } from '../database/insert-new';

/** Writing "last used" on every request would turn reads into writes; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class AccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly limits: RateLimits,
    private readonly changes: AccessChanges,
  ) {
    changes.onChange(() => this.actors.clear());
  }

  private readonly actors = new ActorCache(apiKeyCacheMs());

  /** The actor behind a raw API key, or null when the key is unknown or revoked (counted against the client's failed-authentication budget). */
  async authenticate(rawKey: string, client?: Client): Promise<Actor | null> {
    // The front door hashed this request's key already (RateLimits.clientOf).
    const hash = client?.key?.token === rawKey ? client.key.hash : hashApiKey(rawKey);
    const cached = this.actors.get(hash);
    if (cached) {
      this.limits.authenticated(hash);
      return cached;
    }
    const generation = this.actors.generation;
    const key = (await this.dataSource.manager
      .createQueryBuilder(ApiKey, 'k')
      .innerJoinAndMapOne('k.user', User, 'u', 'u.id = k.user_id AND u.deleted_at IS NULL')
      .where('k.hash = :hash AND k.revoked_at IS NULL', { hash })
      .getOne()) as (ApiKey & { user: User }) | null;
    if (!key) {
      this.limits.forgetKey(hash);
      this.limits.failedAuthentication(client);
      return null;
    }
    const { user } = key;
    const now = Date.now();
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // Bookkeeping only: a read must not fail because it cannot be written (a read-only database file).
      await this.dataSource.manager.update(ApiKey, { id: key.id }, { lastUsedAt: new Date(now) }).catch((error: unknown) => {
        Logger.warn(`Could not record when API key ${key.prefix} was last used: ${storageFault(error)?.message ?? 'the update failed'}`, 'Access');
      });
    }
    const actor: Actor = { id: user.id, name: user.name, role: user.role, keyId: key.id };
    this.actors.set(hash, actor, generation);
    this.limits.authenticated(hash);
    return actor;
  }

  /** After a change to who may do what (a revoked key, a new role, a deleted user): here at once, in other instances through AccessChanges. */
  forgetAuthenticatedKeys(): void {
    this.actors.clear();
    this.changes.publish().catch((error: unknown) => Logger.warn(`Could not tell other instances of an access change: ${(error as Error)?.name}`, 'AccessChanges'));
  }

  createUser(input: CreateUserInput, actor: Actor): Promise<User> {
    return this.tx.run((manager) => this.createUserWith(manager, input, actor));
  }

  async createUserWith(manager: EntityManager, input: CreateUserInput, actor: Actor): Promise<User> {
    if (input.email && (await manager.findOne(User, { where: { email: input.email }, withDeleted: true }))) {
      throw new ConflictError(`A user with the email ${input.email} already exists`, { field: 'email' });
    }
    const user = manager.create(User, { name: input.name, email: input.email ?? null, role: input.role, createdBy: actor.id });
    await insertNew(manager, user);
    await this.audit.recordCreate(manager, actor, 'User', user);
    return user;
  }

  async updateUser(input: UpdateUserInput, actor: Actor): Promise<User> {
    const user = await this.tx.run(async (manager) => {
      if (!(await manager.findOne(User, { where: { id: input.id } }))) throw new NotFoundError('User', input.id);
      const { before, after } = await versionedUpdate<User>(manager, User, 'User', input.id, input.version, pickDefined({ name: input.name, role: input.role }));
      await this.audit.recordUpdate(manager, actor, 'User', before, after);
      return after;
    });
    this.forgetAuthenticatedKeys();
    return user;
  }

  /** Returns the key in clear exactly once; afterwards only its hash exists. */
  createKey(input: CreateApiKeyInput, actor: Actor): Promise<{ key: string; apiKey: ApiKey }> {
    return this.tx.run((manager) => this.createKeyWith(manager, input));
  }

  async createKeyWith(manager: EntityManager, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKey }> {
    const user = await manager.findOne(User, { where: { id: input.userId } });
    if (!user) throw new NotFoundError('User', input.userId);
    const key = generateApiKey();
    const apiKey = manager.create(ApiKey, { userId: user.id, name: input.name, prefix: keyPrefix(key), hash: hashApiKey(key) });
    await insertNew(manager, apiKey);
    return { key, apiKey };
  }

  async revokeKey(id: string): Promise<ApiKey> {
    const revoked = await this.tx.run(async (manager) => {
      const key = await manager.findOne(ApiKey, { where: { id } });
      if (!key) throw new NotFoundError('ApiKey', id);
      if (!key.revokedAt) {
        key.revokedAt = new Date();
        await manager.save(key);
      }
      return key;
    });
    this.limits.forgetKey(revoked.hash);
    this.forgetAuthenticatedKeys();
    return revoked;
  }

  listUsers(): Promise<User[]> {
    return this.dataSource.manager.find(User, { order: { name: 'ASC' }, take: 1000 });
  }

  /**
   * Deleted users too: their ids stay in history and the audit log, which still need their names. `assignable`:
   * only those a claim may be assigned to, as Claim.assignedToId accepts them (live, a checking role).
   */
  listPeople(assignable = false): Promise<Array<Pick<User, 'id' | 'name'>>> {
    const where = assignable ? { role: In(CHECKING_ROLES) } : {};
    return this.dataSource.manager.find(User, { select: { id: true, name: true }, where, withDeleted: !assignable, order: { name: 'ASC', id: 'ASC' }, take: 1000 });
  }

  keysOf(userIds: readonly string[]): Promise<ApiKey[]> {
    return this.dataSource.manager.find(ApiKey, { where: userIds.map((userId) => ({ userId })), order: { createdAt: 'ASC' } });
  }

  findUsersByIds(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.manager.find(User, { where: ids.map((id) => ({ id })), withDeleted: true });
  }
}
