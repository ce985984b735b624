/**
 * Incremental sync, as ACLED's timestamp and deletions API allow: a researcher keeps a copy up to
 * date with two calls, `claims.jsonl?updatedSince=MARK` and `deletions?since=MARK`, each of which
 * hands back the next MARK.
 *
 * The mark is the time the answer was started, less an overlap. A write commits a little after it
 * stamps `updated_at` (or `deleted_at`), so a change stamped just before an export started may not
 * have been visible to it; asking again from a little earlier picks it up next time. Rows sent
 * twice are harmless: a copy replaces a claim's rows by `claim_id`.
 */
export const SYNC_OVERLAP_SECONDS = 60;

export function highWaterMark(generatedAt: Date): Date {
  return new Date(generatedAt.getTime() - SYNC_OVERLAP_SECONDS * 1000);
}
