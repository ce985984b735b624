import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttributionMode, Stance } from '../attributions/attribution.enums';
import { TimePrecision } from '../claims/claim.enums';
import { SourceKind } from '../sources/source.enums';

export enum SuggestionConfidence {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(SuggestionConfidence, { name: 'SuggestionConfidence', description: 'LOW marks pronoun sources ("he said") resolved to an earlier speaker.' });

@ObjectType('TextSpan', { description: 'Text from the article with its character offsets (end exclusive).' })
export class TextSpanModel {
  @Field()
  text: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('SuggestedSource')
export class SuggestedSourceModel extends TextSpanModel {
  @Field(() => SourceKind, { description: 'A guess; check it.' })
  kind: SourceKind;

  @Field()
  anonymous: boolean;

  @Field({ description: 'The noun phrase as written: "a person familiar with the negotiations".' })
  descriptor: string;

  @Field(() => ID, { nullable: true, description: 'An existing source with this name or alias.' })
  matchedSourceId: string | null;
}

@ObjectType('SuggestedRelay')
export class SuggestedRelayModel extends SuggestedSourceModel {
  @Field({ description: 'How this hop passed the words on: "quoting", "citing".' })
  cue: string;
}

@ObjectType('SuggestedQuantity')
export class SuggestedQuantityModel extends TextSpanModel {
  @Field({ description: 'A variable key derived from the unit; rename it to your desk\'s vocabulary.' })
  suggestedVariable: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  lower: number | null;

  @Field(() => Float, { nullable: true })
  upper: number | null;

  @Field()
  lowerInclusive: boolean;

  @Field()
  upperInclusive: boolean;

  @Field()
  approximate: boolean;

  @Field(() => String, { nullable: true })
  qualifier: string | null;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true })
  currency: string | null;
}

@ObjectType('SuggestedTime')
export class SuggestedTimeModel extends TextSpanModel {
  @Field()
  from: Date;

  @Field()
  until: Date;

  @Field(() => TimePrecision)
  precision: TimePrecision;
}

@ObjectType('AttributionSuggestion', { description: 'A claim and its attribution found in an article\'s text, for a reporter to review, edit and accept.' })
export class AttributionSuggestionModel {
  @Field(() => TextSpanModel, { description: 'The claim as written.' })
  content: TextSpanModel;

  @Field(() => SuggestedSourceModel, { description: 'The original speaker.' })
  source: SuggestedSourceModel;

  @Field(() => [SuggestedRelayModel], { description: 'Who passed it on, outermost first.' })
  chain: SuggestedRelayModel[];

  @Field(() => TextSpanModel)
  cue: TextSpanModel;

  @Field(() => AttributionMode)
  mode: AttributionMode;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String, { nullable: true })
  anonymityReason: string | null;

  @Field(() => String, { nullable: true })
  relationship: string | null;

  @Field(() => [String])
  conditions: string[];

  @Field(() => TextSpanModel, { nullable: true })
  hedge: TextSpanModel | null;

  @Field(() => [SuggestedQuantityModel])
  quantities: SuggestedQuantityModel[];

  @Field(() => SuggestedTimeModel, { nullable: true, description: 'The event time, resolved against the publication date.' })
  time: SuggestedTimeModel | null;

  @Field(() => SuggestedTimeModel, { nullable: true, description: 'When the source spoke ("said Monday").' })
  saidAt: SuggestedTimeModel | null;

  @Field(() => TextSpanModel, { nullable: true })
  place: TextSpanModel | null;

  @Field(() => SuggestionConfidence)
  confidence: SuggestionConfidence;
}
