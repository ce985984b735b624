import Module from 'node:module';
import { dirname } from 'node:path';

/**
 * The installed tree holds two copies of graphql@15 and of graphile-build (under postgraphile/
 * and under graphile-build-pg/), because the app itself needs graphql@16 at the top level.
 * PostGraphile breaks when its schema is built with one graphql copy and executed with another
 * ("Unexpected input type"). Without touching dependencies, this process resolves both
 * packages from postgraphile's own folder, so there is exactly one of each. Load it first.
 */
const postgraphileDir = dirname(require.resolve('postgraphile/package.json'));
const SHARED = /^(graphql|graphile-build)(\/.*)?$/;

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (request, parent, isMain, options) {
  if (SHARED.test(request)) return original.call(this, request, parent, isMain, { paths: [postgraphileDir] });
  return original.call(this, request, parent, isMain, options);
};
