/** A claim (stored or a draft) as matching compares it. */
export interface MatchClaim {
  id: string | null;
  statement: string;
  place: { name: string | null; country: string | null } | null;
  eventTime: { start: Date | string | null; end: Date | string | null; precision: string | null } | null;
  quantities: Array<{ variable: string; value: number | null; lower: number | null; upper: number | null }>;
  /** Keys of the speakers and relays: source ids, or folded names for a draft's new sources. */
  speakers: string[];
  /** When the claim was recorded; an old candidate needs a higher score. */
  createdAt?: Date | string | null;
}
