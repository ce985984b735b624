import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { ClaimFilterInput } from '../../claims/dto/claim-filter.input';
import { parseDateTime } from '../../common/date-time.scalar';
import { NotBefore } from '../../common/validators';
import { ExportProfile } from '../export-columns';

/** Query-string dates follow the DateTime scalar's rule (years both databases store); anything else fails @IsDate. */
const QueryDate = () =>
  Transform(({ value }) => {
    try {
      return typeof value === 'string' ? parseDateTime(value) : value;
    } catch {
      return new Date(NaN);
    }
  });
const DATE_MESSAGE = 'must be an ISO 8601 date-time between the years 1 and 9999, such as 2019-02-18T12:00:00Z';

/**
 * The export's query string: the claims filter of the GraphQL API, field for field, plus the
 * column profile. Query-string values arrive as text, so dates are converted before validation.
 */
export class ExportQueryDto extends ClaimFilterInput {
  @IsOptional()
  @IsIn(['full', 'ucdp'])
  profile?: ExportProfile;

  @QueryDate()
  @IsOptional()
  @IsDate({ message: DATE_MESSAGE })
  declare publishedFrom?: Date;

  @QueryDate()
  @IsOptional()
  @IsDate({ message: DATE_MESSAGE })
  @NotBefore('publishedFrom')
  declare publishedTo?: Date;

  @QueryDate()
  @IsOptional()
  @IsDate({ message: DATE_MESSAGE })
  declare eventFrom?: Date;

  @QueryDate()
  @IsOptional()
  @IsDate({ message: DATE_MESSAGE })
  @NotBefore('eventFrom')
  declare eventTo?: Date;
}

/** Splits the query into the claims filter and the export options. */
export function splitExportQuery(query: ExportQueryDto): { filter: ClaimFilterInput; profile: ExportProfile } {
  const { profile, ...filter } = query;
  return { filter, profile: profile ?? 'full' };
}
