import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The committed schema.gql is exactly this text: sorted, so the diff of an API change is small and stable. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:generate\`. Do not edit: a test fails when this file drifts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
