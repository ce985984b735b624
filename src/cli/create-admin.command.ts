import { INestApplicationContext } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { AccessService } from '../access/access.service';
import { SYSTEM_ACTOR } from '../core/actor';
import { Role } from '../core/role';
import { TransactionRunner } from '../database/transaction-runner';

/** `create-admin --name NAME [--email EMAIL]`: the first admin of a new database, with a key printed once. */
export async function createAdminCommand(app: INestApplicationContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, email: { type: 'string' } } });
  const name = values.name?.trim();
  if (!name) throw new Error('usage: npm run cli -- create-admin --name "Desk Admin" [--email admin@example.org]');
  if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) throw new Error(`--email: ${values.email} is not an email address`);
  const access = app.get(AccessService);
  const key = await app.get(TransactionRunner).run(async (manager) => {
    const user = await access.createUserWith(manager, { name, email: values.email ?? null, role: Role.ADMIN }, SYSTEM_ACTOR);
    return (await access.createKeyWith(manager, { userId: user.id, name: 'created by create-admin' })).key;
  });
  console.log(`Created admin "${name}". Their API key (shown once, store it now):\n${key}`);
  return 0;
}
