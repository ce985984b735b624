import { evaluate, extractAttributions } from '../../src/extraction';
import baseline from '../fixtures/extraction/baseline.json';
import { goldPassages } from '../fixtures/extraction/gold';
import { blindPassages } from '../fixtures/extraction/gold-blind';
import { heldOutPassages } from '../fixtures/extraction/gold-heldout';
import { wireBlindPassages } from '../fixtures/extraction/gold-wire-blind';
import { wireDevPassages } from '../fixtures/extraction/gold-wire-dev';

// A rule change may cost at most this much F1 (or field accuracy) against the recorded baseline.
const ALLOWED_DROP = 0.02;

describe('extraction accuracy against the gold set', () => {
  const report = evaluate([...goldPassages, ...heldOutPassages, ...blindPassages, ...wireDevPassages, ...wireBlindPassages], (text, publishedAt) =>
    extractAttributions(text, { publishedAt }),
  );

  it('holds at least 40 annotated passages, some expecting nothing', () => {
    expect(goldPassages.length).toBeGreaterThanOrEqual(40);
    expect(goldPassages.filter((passage) => passage.attributions.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it.each(['sources', 'cues', 'triples'] as const)('keeps %s F1 within two points of the baseline', (key) => {
    expect(report[key].f1).toBeGreaterThanOrEqual(baseline.f1[key] - ALLOWED_DROP);
  });

  it.each(['quantityFields', 'timeFields', 'places', 'conditions'] as const)('keeps %s accuracy within two points of the baseline', (key) => {
    expect(report[key].accuracy).toBeGreaterThanOrEqual(baseline.accuracy[key] - ALLOWED_DROP);
  });

  it('makes no suggestion on captions, walls, bylines or other passages that expect none', () => {
    expect(report.suggestionsOnEmptyPassages).toBe(0);
  });
});
