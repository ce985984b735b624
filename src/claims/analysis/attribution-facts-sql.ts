import { JsonSql } from '../../database/json-sql';
import { anonymousSql } from '../../sources/source-kind';

/**
 * A claim's live attributions as AttributionFacts (sourcing.ts), written as JSON by SQL: what
 * AnalysisService.attributionFacts reads in three statements for the resolvers, read inside a claim
 * tree's own statement so that a rule over the facts (attributionLine) runs in Node on the same
 * values. Attributions by id, hops by position; speakers and hops are shown even when soft-deleted.
 * `claimId` is the SQL expression of the claim's id; `fresh` gives unused table aliases.
 */
export function attributionFactsSql(sql: JsonSql, claimId: string, fresh: () => string): string {
  const source = (s: string) =>
    sql.object([
      ['id', `${s}.id`],
      ['name', `${s}.name`],
      ['anonymous', sql.boolean(anonymousSql(s))],
      ['originGroupId', `${s}.origin_group_id`],
    ]);
  const [a, speaker, hop, relay] = [fresh(), fresh(), fresh(), fresh()];
  const chain = sql.many(
    sql.object([
      ['source', source(relay)],
      ['cue', `${hop}.cue`],
    ]),
    `FROM relay_hop ${hop} JOIN source ${relay} ON ${relay}.id = ${hop}.source_id WHERE ${hop}.attribution_id = ${a}.id`,
    `${hop}.position`,
  );
  return sql.many(
    sql.object([
      ['stance', `${a}.stance`],
      ['speaker', source(speaker)],
      ['chain', chain],
    ]),
    `FROM attribution ${a} JOIN source ${speaker} ON ${speaker}.id = ${a}.source_id WHERE ${a}.claim_id = ${claimId} AND ${a}.deleted_at IS NULL`,
    `${a}.id`,
  );
}
