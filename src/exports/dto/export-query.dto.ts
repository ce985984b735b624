import { Transform } from 'class-transformer';
import { IsIn, IsOptional, validateSync } from 'class-validator';
import { CLAIM_FILTER_FIELDS, FilterValueKind, filterFieldsOf, fromText } from '../../claims/claim-filter-fields';
import { ClaimFilterInput } from '../../claims/dto/claim-filter.input';
import { BadInputError } from '../../common/errors';
import { flattenValidationErrors } from '../../common/validation';
import { IsDateTime, ToDateTime } from '../../common/validators';
import { ExportProfile } from '../export-columns';

/**
 * The export's query string (and the CLI's options): the claims filter of the GraphQL API, field
 * for field, plus the export options. Values arrive as text; each filter field is converted by the
 * kind of its GraphQL type (below), so `minIndependentSources=2` and `circular=false` mean what
 * they mean in GraphQL.
 */
export class ExportQueryDto extends ClaimFilterInput {
  @IsOptional()
  @IsIn(['full', 'ucdp'])
  profile?: ExportProfile;
}

// Derived, not declared again: one text-to-value conversion per filter field, by its kind. Times are
// read by the API's one date rule (and refused with its words).
for (const [name, kind] of CLAIM_FILTER_FIELDS) {
  if (kind === 'datetime') {
    ToDateTime()(ExportQueryDto.prototype, name);
    IsDateTime()(ExportQueryDto.prototype, name);
  } else if (kind !== 'text') {
    Transform(({ value }) => fromText(kind, value))(ExportQueryDto.prototype, name);
  }
}

/** Every option the export takes as text: the filter fields and the export's own. */
export const EXPORT_QUERY_FIELDS: ReadonlyMap<string, FilterValueKind> = filterFieldsOf(ExportQueryDto);

/**
 * Splits the query into the claims filter and the export options. The filter is checked again as the
 * GraphQL API's own ClaimFilterInput: the text conversions above replace the parent's custom rules on
 * the same property (class-validator keeps one custom-rule set per property), which had let
 * `eventTo` before `eventFrom` through as an empty file.
 */
export function splitExportQuery(query: ExportQueryDto): { filter: ClaimFilterInput; profile: ExportProfile } {
  const { profile, ...filter } = query;
  const problems = flattenValidationErrors(validateSync(Object.assign(new ClaimFilterInput(), filter)));
  if (problems.length) throw new BadInputError(problems);
  return { filter, profile: profile ?? 'full' };
}
