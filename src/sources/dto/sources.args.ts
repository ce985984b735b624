import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { SourceFilterInput } from './source-filter.input';

@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => SourceFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceFilterInput)
  filter?: SourceFilterInput;
}
