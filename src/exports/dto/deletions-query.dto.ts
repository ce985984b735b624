import { IsOptional } from 'class-validator';
import { IsDateTime, ToDateTime } from '../../common/validators';

/** `GET /exports/deletions?since=`: the last export's high-water mark; omitted, every removal. */
export class DeletionsQueryDto {
  @ToDateTime()
  @IsOptional()
  @IsDateTime()
  since?: Date;
}
