import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../common/node';
import { RecordModel } from '../common/record.model';
import { AttributionMode, Stance } from './attribution.enums';

@ObjectType('Attribution', { description: 'A source\'s stance on a claim, how it was said, and who passed it on.', implements: () => [NodeInterface] })
export class AttributionModel extends RecordModel {
  claimId: string;
  sourceId: string;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String, { nullable: true, description: 'The verb as written: "said", "reported", "quoting".' })
  cue: string | null;

  @Field(() => AttributionMode)
  mode: AttributionMode;

  @Field(() => Date, { nullable: true })
  saidAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).' })
  credibility: number | null;

  @Field({ description: 'The copy grants the speaker anonymity, with or without a reason.' })
  anonymityGranted: boolean;

  @Field(() => String, { nullable: true, description: 'Why anonymity was granted, as stated.' })
  anonymityReason: string | null;

  @Field(() => String, { nullable: true, description: 'The speaker\'s relationship to the matter: "close to the negotiations".' })
  relationship: string | null;

  @Field(() => [String], { description: 'Other conditions as written: "could not be independently verified".' })
  conditions: string[];
}

@ObjectType('RelayHop', { description: 'An intermediary that passed the words on. Position 0 is the one the article heard from.' })
export class RelayHopModel {
  @Field(() => Int)
  position: number;

  sourceId: string;

  @Field(() => String, { nullable: true, description: 'How this hop passed it on: "quoting", "citing".' })
  cue: string | null;
}

@ObjectType('Citation', { description: 'Where an attribution is reported: the article and the exact words, anchored.', implements: () => [NodeInterface] })
export class CitationModel {
  @Field(() => ID)
  id: string;

  attributionId: string;
  articleId: string;

  @Field(() => String, { nullable: true, description: 'Null when only the article was recorded, not the words.' })
  quote: string | null;

  @Field(() => String, { nullable: true })
  prefix: string | null;

  @Field(() => String, { nullable: true })
  suffix: string | null;

  @Field(() => Int, { nullable: true })
  startOffset: number | null;

  @Field(() => Int, { nullable: true })
  endOffset: number | null;

  @Field()
  createdAt: Date;
}
