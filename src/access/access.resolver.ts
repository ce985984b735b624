import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../common/context';
import { groupByKey } from '../common/loaders';
import { AccessService } from './access.service';
import { ApiKeyModel, CreatedApiKeyModel, MeModel, PersonModel, UserModel } from './access.model';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { CreateApiKeyInput, CreateUserInput, RevokeApiKeyInput, UpdateUserInput } from './dto/user.input';

@Resolver(() => UserModel)
export class AccessResolver {
  constructor(private readonly service: AccessService) {}

  @Query(() => MeModel, { description: 'Who the API key belongs to.' })
  me(@CurrentActor() actor: Actor): MeModel {
    return actor;
  }

  @Query(() => [UserModel], { description: 'Every user (admins only).' })
  users(): Promise<UserModel[]> {
    return this.service.listUsers();
  }

  /** Who did what: names for the user ids in history (createdBy, actorId) and the audit log's actor filter. */
  @Query(() => [PersonModel], { description: 'Every user\'s id and name, A to Z, to show and pick who changed what (editors and admins).' })
  people(
    @Args('assignable', { nullable: true, description: 'true: only the live users a claim can be assigned to (reporters, editors and admins), to pick one.' }) assignable?: boolean,
  ): Promise<PersonModel[]> {
    return this.service.listPeople(assignable === true);
  }

  @Mutation(() => UserModel)
  createUser(@Args('input') input: CreateUserInput, @CurrentActor() actor: Actor): Promise<UserModel> {
    return this.service.createUser(input, actor);
  }

  @Mutation(() => UserModel)
  updateUser(@Args('input') input: UpdateUserInput, @CurrentActor() actor: Actor): Promise<UserModel> {
    return this.service.updateUser(input, actor);
  }

  @Mutation(() => CreatedApiKeyModel, { description: 'Creates a key for a user and shows it once.' })
  createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentActor() actor: Actor): Promise<CreatedApiKeyModel> {
    return this.service.createKey(input, actor);
  }

  @Mutation(() => ApiKeyModel)
  revokeApiKey(@Args('input') input: RevokeApiKeyInput): Promise<ApiKeyModel> {
    return this.service.revokeKey(input.id);
  }

  @ResolveField(() => [ApiKeyModel])
  async apiKeys(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<ApiKeyModel[]> {
    const loader = ctx.loaders.get('user.apiKeys', async (ids) => groupByKey(ids, await this.service.keysOf(ids), (k) => k.userId));
    return loader.load(user.id);
  }
}
