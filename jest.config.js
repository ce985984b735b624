/**
 * Unit, service and end-to-end specs in one run; each suite gets its own fresh database (see test/harness.ts).
 * NestJS 12 ships ES modules, which Jest cannot require, so those packages are compiled to CommonJS by SWC too.
 */
const esmPackages = ['@nestjs', 'hyparquet', 'hyparquet-writer', '@apollo/server', '@as-integrations', 'uuid', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', 'load-esm'];

module.exports = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  testTimeout: 60000,
  maxWorkers: 2,
};
