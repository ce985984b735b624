import { migrationsIn } from '../migrations-in';

/** Every migration of this folder, in timestamp order: a generated migration needs no line here. */
export const POSTGRES_MIGRATIONS: Function[] = migrationsIn(__dirname);
