import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('npm run eval:matching', () => {
  it('reaches precision and recall of at least 0.9 for the likely tier on the blind part', () => {
    const out = execFileSync('npx', ['ts-node', '--transpile-only', join(__dirname, '../scripts/eval-matching.ts')], { encoding: 'utf8' });
    const blind = out.slice(out.indexOf('blind'));
    const [, precision, recall] = /likely tier\s+precision=([\d.]+) recall=([\d.]+)/.exec(blind)!;
    expect(Number(precision)).toBeGreaterThanOrEqual(0.9);
    expect(Number(recall)).toBeGreaterThanOrEqual(0.9);
  });
});
