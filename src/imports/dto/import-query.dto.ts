import { IsIn, IsOptional } from 'class-validator';

export class ImportQueryDto {
  /** `true`: validate and try every write, then roll back; the report says what would have happened. */
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
