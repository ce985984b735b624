import { IsIn, IsOptional } from 'class-validator';
import { ClaimFilterInput } from '../../claims/dto/claim-filter.input';
import { IsDateTime, NotBefore, ToDateTime } from '../../common/validators';
import { ExportProfile } from '../export-columns';

/**
 * The export's query string: the claims filter of the GraphQL API, field for field, plus the
 * column profile. Query-string values arrive as text, so dates are converted before validation.
 */
export class ExportQueryDto extends ClaimFilterInput {
  @IsOptional()
  @IsIn(['full', 'ucdp'])
  profile?: ExportProfile;

  @ToDateTime()
  @IsOptional()
  @IsDateTime()
  declare publishedFrom?: Date;

  @ToDateTime()
  @IsOptional()
  @IsDateTime()
  @NotBefore('publishedFrom')
  declare publishedTo?: Date;

  @ToDateTime()
  @IsOptional()
  @IsDateTime()
  declare eventFrom?: Date;

  @ToDateTime()
  @IsOptional()
  @IsDateTime()
  @NotBefore('eventFrom')
  declare eventTo?: Date;
}

/** Splits the query into the claims filter and the export options. */
export function splitExportQuery(query: ExportQueryDto): { filter: ClaimFilterInput; profile: ExportProfile } {
  const { profile, ...filter } = query;
  return { filter, profile: profile ?? 'full' };
}
