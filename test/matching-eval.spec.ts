import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('npm run eval:matching', () => {
  it('reaches precision and recall of at least 0.9 for the likely tier on the blind part of both gold sets', () => {
    const out = execFileSync('npx', ['ts-node', '--transpile-only', join(__dirname, '../scripts/eval-matching.ts')], { encoding: 'utf8' });
    const parts = out.split(/^(?=\S.*: \d+ pairs$)/m).filter((p) => p.includes('blind (never tuned on)'));
    expect(parts.map((p) => p.slice(0, p.indexOf(':')))).toEqual(['template set, blind (never tuned on)', 'hand-varied set, blind (never tuned on)']);
    for (const part of parts) {
      const [, precision, recall] = /likely tier\s+precision=([\d.]+) recall=([\d.]+)/.exec(part)!;
      expect(Number(precision)).toBeGreaterThanOrEqual(0.9);
      expect(Number(recall)).toBeGreaterThanOrEqual(0.9);
    }
  });
});
