import { Field, Float, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { FitsDecimal, QUANTITY_DECIMAL, Trim } from '../../common/validators';

@InputType()
export class QuantityInput {
  @Field({ description: 'A stable snake_case key for what is counted: "fighters_refusing_surrender".' })
  @Trim()
  @Matches(/^[a-z][a-z0-9_]{0,99}$/, { message: 'must be a snake_case key of at most 100 characters, e.g. "fighters_killed"' })
  variable: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @FitsDecimal(QUANTITY_DECIMAL)
  value?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @FitsDecimal(QUANTITY_DECIMAL)
  lower?: number | null;

  @Field({ nullable: true, description: 'Default true ("at least"); false for "more than".' })
  @IsOptional()
  @IsBoolean()
  lowerInclusive?: boolean;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @FitsDecimal(QUANTITY_DECIMAL)
  upper?: number | null;

  @Field({ nullable: true, description: 'Default true ("up to"); false for "fewer than".' })
  @IsOptional()
  @IsBoolean()
  upperInclusive?: boolean;

  @Field({ nullable: true, description: 'Default false; true for "about", "around", "some".' })
  @IsOptional()
  @IsBoolean()
  approximate?: boolean;

  @Field({ nullable: true, description: 'Default false; true for a vague figure ("dozens", "hundreds") given as a conventional range.' })
  @IsOptional()
  @IsBoolean()
  vague?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  qualifier?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217: "USD".' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' })
  currency?: string | null;
}
