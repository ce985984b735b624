import { createHash } from 'node:crypto';
import { Declined } from '../database/tree-compiler';
import { AppLog } from '../observability/app-log';

/** Distinct (document, reason) pairs remembered as logged; past this the memory starts afresh (a flood of one-off texts). */
const MAX_REMEMBERED = 1000;

/**
 * Says why the direct path left a query document to Apollo, once per document and reason: at debug for the
 * expected reasons (a field with its own resolver, a mutation, a directive), at warn for a failure (a compile
 * or an answer that threw), which would otherwise show only as slower answers. The request's metrics count
 * every decline by reason (claimdesk_direct_declines_total). A line names the document by a hash of its text
 * and its operation name, and the reason by schema coordinates: never the text, its variables or any value.
 */
export class DeclineLog {
  private readonly logged = new Set<string>();

  constructor(private readonly log: AppLog) {}

  /** A document compiled to a decline, or a planned one declined for one request's sake (role, variables, not_found, refused). */
  declined(key: string, operation: string | undefined, decline: Declined): void {
    this.once(key, operation, decline.declined, decline.error);
  }

  /** A planned document whose answer threw: Apollo answers the request instead. */
  failed(key: string, operation: string | undefined, error: string): void {
    this.once(key, operation, 'error', error);
  }

  private once(key: string, operation: string | undefined, reason: string, error: string | undefined): void {
    // Remembered by hash, not by text: a document may be megabytes long.
    const shape = createHash('sha256').update(key).digest('hex').slice(0, 12);
    const seen = `${shape} ${reason}`;
    if (this.logged.has(seen)) return;
    if (this.logged.size >= MAX_REMEMBERED) this.logged.clear();
    this.logged.add(seen);
    const fields = { shape, operation: operation ?? null, reason };
    if (error) this.log.logger.warn({ ...fields, error }, 'direct path failed; Apollo answers');
    else this.log.logger.debug(fields, 'direct path declined; Apollo answers');
  }
}
