import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { ClaimFilterInput } from '../../claims/dto/claim-filter.input';
import { NotBefore } from '../../common/validators';
import { ExportProfile } from '../export-columns';

/**
 * The export's query string: the claims filter of the GraphQL API, field for field, plus the
 * column profile. Query-string values arrive as text, so dates are converted before validation.
 */
export class ExportQueryDto extends ClaimFilterInput {
  @IsOptional()
  @IsIn(['full', 'ucdp'])
  profile?: ExportProfile;

  @Type(() => Date)
  @IsOptional()
  @IsDate()
  declare publishedFrom?: Date;

  @Type(() => Date)
  @IsOptional()
  @IsDate()
  @NotBefore('publishedFrom')
  declare publishedTo?: Date;

  @Type(() => Date)
  @IsOptional()
  @IsDate()
  declare eventFrom?: Date;

  @Type(() => Date)
  @IsOptional()
  @IsDate()
  @NotBefore('eventFrom')
  declare eventTo?: Date;
}

/** Splits the query into the claims filter and the export options. */
export function splitExportQuery(query: ExportQueryDto): { filter: ClaimFilterInput; profile: ExportProfile } {
  const { profile, ...filter } = query;
  return { filter, profile: profile ?? 'full' };
}
