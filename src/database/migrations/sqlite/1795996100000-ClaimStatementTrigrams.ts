import { MigrationInterface, QueryRunner } from "typeorm";
import { statementMirror } from "../seeds/statement-mirror";

/**
 * The claims list's text filter (database/text-search.ts statementCandidates): an FTS5 trigram index
 * of claim statements, which finds a substring of three characters or more without reading every
 * statement, as the filter's LIKE does. Kept by triggers, as claim_fts is (seeds/statement-mirror.ts).
 */
export const CLAIM_TRIGRAM = statementMirror('claim_trigram', 'trigram');

export class ClaimStatementTrigrams1795996100000 implements MigrationInterface {
    name = 'ClaimStatementTrigrams1795996100000'

    public up(queryRunner: QueryRunner): Promise<void> {
        return CLAIM_TRIGRAM.up(queryRunner);
    }

    public down(queryRunner: QueryRunner): Promise<void> {
        return CLAIM_TRIGRAM.down(queryRunner);
    }
}
