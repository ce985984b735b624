import { IsIn, IsOptional } from 'class-validator';
import { ExportProfile } from '../export-columns';

export class DataPackageQueryDto {
  @IsOptional()
  @IsIn(['full', 'ucdp'])
  profile?: ExportProfile;
}
