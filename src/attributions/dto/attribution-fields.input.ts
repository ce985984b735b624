import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ShortTextList, Trim } from '../../common/validators';
import { AttributionMode, Stance } from '../attribution.enums';

/** How a source said it: shared by addAttribution, updateAttribution and logClaim. */
@InputType({ isAbstract: true })
export class AttributionFieldsInput {
  @Field(() => Stance, { nullable: true, description: 'Default ASSERTS.' })
  @IsOptional()
  @IsEnum(Stance)
  stance?: Stance;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  cue?: string | null;

  @Field(() => AttributionMode, { nullable: true, description: 'Default PARAPHRASE.' })
  @IsOptional()
  @IsEnum(AttributionMode)
  mode?: AttributionMode;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  saidAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  credibility?: number | null;

  @Field({ nullable: true, description: 'The copy grants the speaker anonymity, with or without a reason. Default: true when anonymityReason is given, else false.' })
  @IsOptional()
  @IsBoolean()
  anonymityGranted?: boolean;

  @Field(() => String, { nullable: true, description: 'Why anonymity was granted, as stated. A reason implies the grant: not allowed with anonymityGranted false.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  anonymityReason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  relationship?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ShortTextList()
  conditions?: string[];
}
