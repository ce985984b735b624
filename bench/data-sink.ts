/** A row in a table's column order (TABLES). */
export type Row = unknown[];

const RECORD = ['id', 'created_at', 'updated_at', 'version', 'deleted_at', 'deleted_by'];
export const TABLES: Record<string, string[]> = {
  source: [...RECORD, 'kind', 'name', 'name_key', 'based_in', 'affiliation', 'wikidata_id', 'reliability', 'confidential_note'],
  source_alias: ['id', 'source_id', 'alias', 'alias_key'],
  article: [...RECORD, 'url', 'canonical_url', 'headline', 'publisher', 'wire_agency', 'byline', 'published_at', 'language', 'body_text', 'retrieved_at'],
  claim: [
    ...RECORD, 'statement', 'hedge', 'tags', 'status', 'created_by',
    'place_name', 'place_admin_area', 'place_country', 'place_latitude', 'place_longitude', 'place_precision',
    'event_time_start', 'event_time_end', 'event_time_precision',
    'independent_source_count', 'denying_source_count', 'questioning_source_count', 'sourcing', 'circular', 'speaker_anonymity',
  ],
  claim_quantity: ['id', 'claim_id', 'position', 'variable', 'value', 'lower', 'lower_inclusive', 'upper', 'upper_inclusive', 'approximate', 'qualifier', 'unit', 'currency'],
  attribution: [
    ...RECORD, 'claim_id', 'source_id', 'stance', 'cue', 'mode', 'said_at', 'credibility',
    'anonymity_reason', 'relationship', 'conditions', 'created_by',
  ],
  relay_hop: ['id', 'attribution_id', 'position', 'source_id', 'cue'],
  citation: [...RECORD, 'attribution_id', 'article_id', 'quote', 'prefix', 'suffix', 'start_offset', 'end_offset'],
  claim_source: ['source_id', 'claim_id', 'speaks', 'relays', 'speaker_anonymity'],
  figure_span: ['quantity_id', 'kind', 'node', 'claim_id', 'variable', 'low', 'low_inclusive', 'high', 'high_inclusive', 'flagged'],
};
/** Parents before children. */
export const TABLE_NAMES = Object.keys(TABLES);

/** Where the generated rows go: a PostgreSQL database (postgres-sink.ts) or a SQLite file (sqlite-sink.ts). */
export interface DataSink {
  open(): Promise<void>;
  /** Rows of one table, in TABLES' column order; timestamps as ISO strings, booleans as booleans. */
  write(table: string, rows: Row[]): Promise<void>;
  /** After the last row: indexes, the discrepancy flags (this SQL, unless null), planner statistics. */
  finish(flagDiscrepanciesSql: string | null, log: (line: string) => void): Promise<void>;
  /** After a failure: close what is open. */
  abort(): Promise<void>;
}

export function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
