import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { OptionalText } from '../../common/input-fields';
import { SourceKind } from '../source.enums';
import { SOURCE_NAME_MAX } from './source-fields.input';

@InputType()
export class SourceFilterInput {
  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind;

  @OptionalText(SOURCE_NAME_MAX, 'Matches the name or an alias, ignoring case and accents.')
  name?: string;
}
