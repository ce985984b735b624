import { INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessService } from '../../src/access/access.service';
import { ImportsModule } from '../../src/imports/imports.module';
import { foundationModules, RECORD_MODULES } from '../../src/module-sets';
import { createValidationPipe } from '../../src/common/validation';
import { Actor, SYSTEM_ACTOR } from '../../src/core/actor';
import { Role } from '../../src/core/role';
import { createTestDatabase } from './database';

/**
 * The service tier: the application's own providers on a fresh database, called directly, with no HTTP and
 * no GraphQL in between (as the CLI runs them). For rules and their upkeep; the contract (codes, fields,
 * roles as the API answers them) stays with the HTTP end-to-end suites.
 */
export interface TestServices {
  app: INestApplicationContext;
  db: DataSource;
  get<T>(type: Type<T>): T;
  /** A fresh user of this role, as the actor a service is called with. */
  actorWithRole(role: Role | keyof typeof Role): Promise<Actor>;
  /** A plain object validated and turned into the input class exactly as the API's validation pipe does it (timestamps as Date, as the DateTime scalar hands them over). */
  input<T>(type: Type<T>, value: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The domain modules without the API around them (no GraphQL schema, no desk, no direct reads), so a suite boots in a
 * fraction of the app's time; a service that needs a module missing here fails to resolve, loudly.
 */
@Module({
  imports: [
    ...foundationModules(),
    ...RECORD_MODULES,
    ImportsModule,
  ],
})
class ServicesModule {}

export async function startServices(extraEnv: Record<string, string> = {}): Promise<TestServices> {
  const database = await createTestDatabase();
  const saved = { ...process.env };
  Object.assign(process.env, database.env, { LOG_LEVEL: 'silent' }, extraEnv);
  const app = await NestFactory.createApplicationContext(ServicesModule, { logger: ['error'] });
  process.env = saved;
  const pipe = createValidationPipe();
  const access = app.get(AccessService);
  return {
    app,
    db: app.get(DataSource),
    get: (type) => app.get(type),
    async actorWithRole(role) {
      const user = await access.createUser({ name: `Test ${role}`, role: role as Role }, SYSTEM_ACTOR);
      return { id: user.id, name: user.name, role: user.role };
    },
    input: (type, value) => pipe.transform(value, { type: 'body', metatype: type }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
