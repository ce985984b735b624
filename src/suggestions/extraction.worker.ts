import { ExtractionOptions, Suggestion, extractAttributions } from '../extraction';

/** Runs in a worker thread (extraction-pool.ts): extraction is CPU work that would otherwise hold up every other request. */
export default function extract({ text, options }: { text: string; options: ExtractionOptions }): Suggestion[] {
  return extractAttributions(text, options);
}
