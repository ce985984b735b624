import { Args, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Actor } from '../../core/actor';
import { CurrentActor } from '../../core/current-actor.decorator';
import { WireLinkInput } from './dto/wire-link.input';
import { WireLinksService } from './wire-links.service';

@ObjectType('WireLink', { description: 'An editor\'s word on two articles: copies of one wire story, or not.' })
export class WireLinkModel {
  @Field(() => ID)
  articleId: string;

  @Field(() => ID)
  otherArticleId: string;

  @Field({ description: 'True after linkWireCopies; false after unlinkWireCopies (not copies, whatever the text rule says).' })
  copies: boolean;

  @Field(() => [ID], { description: 'Anonymous sources the link made one origin with the same description in the other article.' })
  joinedSourceIds: string[];
}

@Resolver(() => WireLinkModel)
export class WireLinksResolver {
  constructor(private readonly service: WireLinksService) {}

  @Mutation(() => WireLinkModel, { description: 'Editors: the two articles are copies of one wire story (reportedBy counts one report; the same anonymous description in both is one origin).' })
  async linkWireCopies(@Args('input') input: WireLinkInput, @CurrentActor() actor: Actor): Promise<WireLinkModel> {
    const link = await this.service.link(input, actor);
    return { articleId: link.articleId, otherArticleId: link.otherArticleId, copies: link.copies, joinedSourceIds: link.originJoins.map((j) => j.sourceId) };
  }

  @Mutation(() => WireLinkModel, { description: 'Editors: the two articles are not copies, even with the same agency and a near-identical body; undoes what linkWireCopies joined.' })
  async unlinkWireCopies(@Args('input') input: WireLinkInput, @CurrentActor() actor: Actor): Promise<WireLinkModel> {
    const link = await this.service.unlink(input, actor);
    return { articleId: link.articleId, otherArticleId: link.otherArticleId, copies: link.copies, joinedSourceIds: [] };
  }
}
