import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators';
import { SourceKind } from '../source.enums';

@InputType()
export class SourceFilterInput {
  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind;

  @Field({ nullable: true, description: 'Matches the name or an alias, ignoring case and accents.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;
}
