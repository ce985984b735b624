import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/data-source-options';

/**
 * The DataSource the TypeORM CLI uses. SQLite by default; set DATABASE_URL for PostgreSQL.
 * Generated migrations go to src/database/migrations/{sqlite,postgres}/, where that folder's index.ts finds them.
 */
export default new DataSource(dataSourceOptions());
