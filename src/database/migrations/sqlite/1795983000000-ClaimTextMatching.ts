import { MigrationInterface, QueryRunner } from "typeorm";
import { statementMirror } from "../seeds/statement-mirror";

/**
 * Claim matching's text candidates (database/text-search.ts): an FTS5 index of claim statements by
 * word, kept by triggers (seeds/statement-mirror.ts). test/claim-matching.e2e-spec.ts checks that a
 * claim written after all migrations is found.
 */
export const CLAIM_FTS = statementMirror('claim_fts', 'unicode61 remove_diacritics 2');

export class ClaimTextMatching1795983000000 implements MigrationInterface {
    name = 'ClaimTextMatching1795983000000'

    public up(queryRunner: QueryRunner): Promise<void> {
        return CLAIM_FTS.up(queryRunner);
    }

    public down(queryRunner: QueryRunner): Promise<void> {
        return CLAIM_FTS.down(queryRunner);
    }
}
