/*
 * Scores the extractor against the hand-annotated gold set and measures throughput.
 * Run with `npm run eval:extraction`; pass --json for machine-readable output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluate, extractAttributions, type EvaluationReport, type FieldAccuracy, type PrecisionRecall } from '../src/extraction';
import { goldPassages } from '../test/fixtures/extraction/gold';
import { heldOutPassages } from '../test/fixtures/extraction/gold-heldout';
import { blindPassages } from '../test/fixtures/extraction/gold-blind';
import { buildBenchmarkArticle } from '../test/fixtures/extraction/benchmark-article';
import { wireDevPassages } from '../test/fixtures/extraction/gold-wire-dev';
import { wireBlindPassages } from '../test/fixtures/extraction/gold-wire-blind';

const WARM_UP_RUNS = 50;
const TIMED_RUNS = 200;

function formatScore(label: string, score: PrecisionRecall): string {
  return `${label.padEnd(18)} P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} F1=${score.f1.toFixed(3)}  (tp ${score.truePositives}, predicted ${score.predicted}, expected ${score.expected})`;
}

function formatAccuracy(label: string, accuracy: FieldAccuracy): string {
  return `${label.padEnd(18)} accuracy=${accuracy.accuracy.toFixed(3)}  (${accuracy.correct}/${accuracy.total} fields)`;
}

interface Throughput {
  words: number;
  articlesPerSecond: number;
  meanMs: number;
  /** Runs per second of this process's own CPU time: the per-core figure, unaffected by other load on the machine. */
  articlesPerCpuSecond: number;
}

function measureThroughput(): Throughput {
  const { text, publishedAt } = buildBenchmarkArticle();
  for (let i = 0; i < WARM_UP_RUNS; i++) extractAttributions(text, { publishedAt });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < TIMED_RUNS; i++) extractAttributions(text, { publishedAt });
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    words: text.split(/\s+/).length,
    articlesPerSecond: (TIMED_RUNS * 1000) / elapsedMs,
    meanMs: elapsedMs / TIMED_RUNS,
    articlesPerCpuSecond: (TIMED_RUNS * 1000) / cpuMs,
  };
}

const extractor = (text: string, publishedAt: Date) => extractAttributions(text, { publishedAt });

function printReport(title: string, passages: typeof goldPassages): EvaluationReport {
  const report = evaluate(passages, extractor);
  const attributionCount = passages.reduce((sum, passage) => sum + passage.attributions.length, 0);
  console.log(`\n${title}: ${report.passages} passages, ${attributionCount} attributions`);
  console.log(formatScore('sources', report.sources));
  console.log(formatScore('cues', report.cues));
  console.log(formatScore('triples', report.triples));
  console.log(formatAccuracy('quantity fields', report.quantityFields));
  console.log(formatAccuracy('time fields', report.timeFields));
  console.log(formatAccuracy('attribute fields', report.attributeFields));
  if (report.places.total > 0) console.log(formatAccuracy('places', report.places).replace('fields', 'attributions'));
  if (report.conditions.total > 0) console.log(formatAccuracy('conditions', report.conditions).replace('fields', 'attributions'));
  console.log(`${'empty passages'.padEnd(18)} ${report.suggestionsOnEmptyPassages} suggestions on passages that expect none`);
  return report;
}

const BASELINE_PATH = join(__dirname, '..', 'test', 'fixtures', 'extraction', 'baseline.json');

/** Rounds down so a re-run of the same code never falls below its own baseline. */
function floor3(value: number): number {
  return Math.floor(value * 1000) / 1000;
}

function writeBaseline(report: EvaluationReport): void {
  const baseline = {
    recordedAt: new Date().toISOString().slice(0, 10),
    passages: report.passages,
    note: 'All gold splits (gold.ts, gold-heldout.ts, gold-blind.ts, gold-wire-dev.ts, gold-wire-blind.ts). Rewrite with `npm run eval:extraction -- --write-baseline` after a deliberate change.',
    f1: { sources: floor3(report.sources.f1), cues: floor3(report.cues.f1), triples: floor3(report.triples.f1) },
    accuracy: {
      quantityFields: floor3(report.quantityFields.accuracy),
      timeFields: floor3(report.timeFields.accuracy),
      places: floor3(report.places.accuracy),
      conditions: floor3(report.conditions.accuracy),
    },
  };
  writeFileSync(BASELINE_PATH, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`\nbaseline written to ${BASELINE_PATH}`);
}

function main(): void {
  const allPassages = [...goldPassages, ...heldOutPassages, ...blindPassages, ...wireDevPassages, ...wireBlindPassages];
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(
        {
          all: evaluate(allPassages, extractor),
          development: evaluate(goldPassages, extractor),
          heldOut: evaluate(heldOutPassages, extractor),
          blind: evaluate(blindPassages, extractor),
          wireDev: evaluate(wireDevPassages, extractor),
          wireBlind: evaluate(wireBlindPassages, extractor),
          speed: measureThroughput(),
        },
        null,
        2,
      ),
    );
    return;
  }
  printReport('Development split (gold.ts)', goldPassages);
  printReport('Held-out split (gold-heldout.ts)', heldOutPassages);
  printReport('Blind split (gold-blind.ts)', blindPassages);
  printReport('Wire development split (gold-wire-dev.ts)', wireDevPassages);
  if (!process.argv.includes('--dev-only')) printReport('Wire BLIND split (gold-wire-blind.ts; never tune on it)', wireBlindPassages);
  // --dev-only hides every figure that includes the wire blind split, for tuning sessions.
  const overall = process.argv.includes('--dev-only') ? evaluate(allPassages, extractor) : printReport('All gold passages', allPassages);
  if (process.argv.includes('--write-baseline')) writeBaseline(overall);
  const speed = measureThroughput();
  console.log(`\nspeed              ${speed.articlesPerSecond.toFixed(1)} articles/s on a ${speed.words}-word article (${speed.meanMs.toFixed(2)} ms each, ${TIMED_RUNS} timed runs after ${WARM_UP_RUNS} warm-up)`);
  console.log(`speed per core     ${speed.articlesPerCpuSecond.toFixed(1)} articles per CPU-second of this process (wall-clock speed falls when other processes share the core)`);
}

main();
