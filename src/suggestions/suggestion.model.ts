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

  @Field(() => String, { nullable: true, description: 'The gazetteer\'s canonical name the phrase matched ("AFP" -> "Agence France-Presse").' })
  canonicalName: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation a named person speaks for ("The Observatory\'s director, Rami Abdel Rahman" -> "Observatory").' })
  affiliation: string | null;
}

@ObjectType('SuggestedRelay')
export class SuggestedRelayModel extends SuggestedSourceModel {
  @Field({ description: 'How this hop passed the words on: "quoting", "citing".' })
  cue: string;
}

@ObjectType('SuggestedQuantity')
export class SuggestedQuantityModel extends TextSpanModel {
  @Field({ description: 'A variable of the vocabulary of figures chosen from the counted noun and its verb ("fighters ... released" is people_released); a key made from the noun when none applies.' })
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

  @Field({ description: '"dozens", "hundreds", "several": lower and upper are a conventional range, not a count.' })
  vague: boolean;
}

@ObjectType('SuggestedPlace', { description: 'The event place as written, with GeoNames data when the name is known.' })
export class SuggestedPlaceModel extends TextSpanModel {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  countryCode: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => Int, { nullable: true, description: 'GeoNames id of the city, when the place is one.' })
  geonameId: number | null;
}

@ObjectType('SuggestionAntecedent', { description: 'The earlier mention an anaphor ("It added", "The ministry said") resolves to.' })
export class SuggestionAntecedentModel extends TextSpanModel {
  @Field(() => ID)
  suggestionId: string;

  @Field(() => Int)
  sentenceIndex: number;
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
  @Field(() => ID, { description: 'Stable for the same text: derived from the sentence index and the offsets of cue and speaker.' })
  id: string;

  @Field(() => Int, { description: 'Index of the sentence it was read from (boilerplate lines dropped), from 0.' })
  sentenceIndex: number;

  @Field(() => TextSpanModel, { description: 'The speaker phrase as written ("It", "The monitoring group", "a local medic").' })
  speaker: TextSpanModel;

  @Field(() => SuggestionAntecedentModel, { nullable: true, description: 'For anaphora, the mention the speaker resolves to.' })
  antecedent: SuggestionAntecedentModel | null;

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

  @Field({ description: 'The copy grants the speaker anonymity ("spoke on condition of anonymity"), with or without a reason.' })
  anonymityGranted: boolean;

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

  @Field(() => SuggestedTimeModel, { nullable: true, description: 'The event time, else the time it was said. Prefer eventTime and saidAt.' })
  time: SuggestedTimeModel | null;

  @Field(() => SuggestedTimeModel, { nullable: true, description: 'The event time (or window) named in the claim; never the time it was said.' })
  eventTime: SuggestedTimeModel | null;

  @Field(() => SuggestedTimeModel, { nullable: true, description: 'When the source spoke ("said Monday").' })
  saidAt: SuggestedTimeModel | null;

  @Field(() => SuggestedPlaceModel, { nullable: true })
  place: SuggestedPlaceModel | null;

  @Field(() => String, { nullable: true, description: 'How the words came out, when the copy says: "statement on Telegram", "video".' })
  medium: string | null;

  @Field(() => SuggestionConfidence)
  confidence: SuggestionConfidence;
}
