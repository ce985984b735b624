import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('QuantityVariable', { description: 'A variable of the vocabulary of figures (seeded; editors add more).' })
export class QuantityVariableModel {
  @Field({ description: 'The key quantities use: "deaths_civilians".' })
  name: string;

  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true })
  currency: string | null;

  @Field()
  description: string;

  @Field(() => [String], { description: 'Keys normalised to this name when a claim is written.' })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'UCDP GED field.' })
  ucdp: string | null;

  @Field(() => String, { nullable: true, description: 'ACLED field or event type.' })
  acled: string | null;
}
