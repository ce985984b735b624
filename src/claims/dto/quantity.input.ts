import { Field, Float, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, Matches, Min } from 'class-validator';
import { OptionalText, stack } from '../../common/input-fields';
import { FitsDecimal, QUANTITY_DECIMAL, Trim } from '../../common/validators';

/** A figure of a quantity (its value or a bound): a finite number, not negative, that fits the stored decimal. */
const Figure = () =>
  stack(Field(() => Float, { nullable: true }), IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), FitsDecimal(QUANTITY_DECIMAL));

@InputType()
export class QuantityInput {
  @Field({ description: 'A stable snake_case key for what is counted: "fighters_refusing_surrender".' })
  @Trim()
  @Matches(/^[a-z][a-z0-9_]{0,99}$/, { message: 'must be a snake_case key of at most 100 characters, e.g. "fighters_killed"' })
  variable: string;

  @Figure()
  value?: number | null;

  @Figure()
  lower?: number | null;

  @Field({ nullable: true, description: 'Default true ("at least"); false for "more than".' })
  @IsOptional()
  @IsBoolean()
  lowerInclusive?: boolean;

  @Figure()
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

  @OptionalText(100)
  qualifier?: string | null;

  @OptionalText(100)
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217: "USD".' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' })
  currency?: string | null;
}
