import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessService } from '../../src/access/access.service';
import { SYSTEM_ACTOR } from '../../src/core/actor';
import { Role } from '../../src/core/role';
import { AppModule } from '../../src/app.module';
import { createTestDatabase } from './database';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
}

export interface TestApp {
  app: INestApplication;
  /** The app's own database connection, for suites that read or write rows directly. */
  db: DataSource;
  url: string;
  /** An admin's key, sent by gql() unless other headers are given. */
  adminKey: string;
  /** A fresh user of this role and their key. */
  userWithRole(role: Role | keyof typeof Role): Promise<{ id: string; key: string; as: Record<string, string> }>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Admin keys of the running test apps by origin, so plain-HTTP helpers can authenticate too. */
const adminKeys = new Map<string, string>();

export function authHeaders(url: string): Record<string, string> {
  const key = adminKeys.get(new URL(url).origin);
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** Boots the real application on a fresh database and talks to it over real HTTP. */
export async function startTestApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const saved = { ...process.env };
  // The JSON request log is quiet in tests unless a test asks for it (and captures it).
  Object.assign(process.env, db.env, { LOG_LEVEL: 'silent' }, extraEnv);
  const app = await NestFactory.create(AppModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  process.env = saved;
  const access = app.get(AccessService);
  const userWithRole = async (role: Role | keyof typeof Role) => {
    const user = await access.createUser({ name: `Test ${role}`, role: role as Role }, SYSTEM_ACTOR);
    const { key } = await access.createKey({ userId: user.id, name: 'test' }, SYSTEM_ACTOR);
    return { id: user.id, key, as: { authorization: `Bearer ${key}` } };
  };
  const admin = await userWithRole(Role.ADMIN);
  adminKeys.set(new URL(url).origin, admin.key);
  return {
    app,
    db: app.get(DataSource),
    url,
    adminKey: admin.key,
    userWithRole,
    async gql(query, variables, headers = admin.as) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { ...body, status: response.status };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Fails with the server's errors in the message, which makes a broken query easy to read. */
export function expectData<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}

export function errorOf(response: GraphQLResponse): { code: string; fields?: Array<{ field: string; message: string }>; message: string; extensions: Record<string, any> } {
  const error = response.errors?.[0];
  if (!error) throw new Error(`expected an error, got data ${JSON.stringify(response.data)}`);
  // No stack trace ever reaches a client outside development.
  if (error.extensions?.stacktrace) throw new Error(`stack trace leaked: ${JSON.stringify(error.extensions.stacktrace)}`);
  return { code: error.extensions?.code, fields: error.extensions?.fields, message: error.message, extensions: error.extensions ?? {} };
}
