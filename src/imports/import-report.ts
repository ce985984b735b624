/**
 * What POST /imports answers: plain types with no framework in them, so that the desk's import screen reads the same
 * declaration (web/src/screens/import.tsx).
 */
export interface ImportReport {
  dryRun: boolean;
  rows: number;
  claims: number;
  claimsCreated: number;
  /** Claims whose claim_id was imported before (or is a claim of this database): left as they are. */
  claimsUnchanged: number;
  attributionsCreated: number;
  /**
   * New claims that likely record a claim already there (or another of the file's): LIKELY tier,
   * best first. Checked for the first MATCHED_IMPORT_CLAIMS new claims of a file.
   */
  possibleDuplicates: ImportDuplicate[];
}

export interface ImportDuplicate {
  line: number;
  claimId: string;
  externalId: string;
  matches: Array<{ claimId: string; score: number; tier: string }>;
}
