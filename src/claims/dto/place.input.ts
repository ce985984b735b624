import { Field, Float, InputType } from '@nestjs/graphql';
import { IsEnum, IsLatitude, IsLongitude, IsOptional, Matches } from 'class-validator';
import { OptionalText } from '../../common/input-fields';
import { COORDINATE_DECIMAL, RoundTo } from '../../common/validators';
import { PlacePrecision } from '../claim.enums';

@InputType()
export class PlaceInput {
  @OptionalText(200)
  name?: string | null;

  @OptionalText(200)
  adminArea?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2: "SY".' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as SY' })
  country?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @RoundTo(COORDINATE_DECIMAL)
  @IsLatitude({ message: 'must be a latitude from -90 to 90 (degrees north; south is negative)' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @RoundTo(COORDINATE_DECIMAL)
  @IsLongitude({ message: 'must be a longitude from -180 to 180 (degrees east; west is negative)' })
  longitude?: number | null;

  @Field(() => PlacePrecision, { nullable: true })
  @IsOptional()
  @IsEnum(PlacePrecision)
  precision?: PlacePrecision | null;
}
