import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchemaFile } from '../src/graphql-schema';
import { TestApp, startTestApp } from './support/app';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('matches what the code generates (run `npm run schema:generate` after an API change)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    expect(printSchemaFile(t.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });
});
