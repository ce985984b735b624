/**
 * Browser tests of the desk (`npm run test:web`): kept out of `npm test`'s roots so the API suite
 * needs no browser. They drive Debian's Chromium through playwright-core against a built server.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/web/e2e'],
  testRegex: '.*\\.e2e\\.ts$',
  testTimeout: 120000,
  maxWorkers: 1,
};
