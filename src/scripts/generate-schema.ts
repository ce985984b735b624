import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { useThrowawayDatabase } from '../config/settings';
import { printSchemaFile } from '../graphql-schema';

/** Writes schema.gql from the code, booting the app on a throwaway in-memory database. */
async function main(): Promise<void> {
  useThrowawayDatabase();
  const { AppModule } = await import('../app.module');
  const app = await NestFactory.create(AppModule, { logger: ['error'] });
  await app.init();
  const target = join(process.cwd(), 'schema.gql');
  writeFileSync(target, printSchemaFile(app.get(GraphQLSchemaHost).schema));
  await app.close();
  console.log(`Wrote ${target}`);
}

void main();
