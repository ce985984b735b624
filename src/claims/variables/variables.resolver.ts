import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../core/actor';
import { CurrentActor } from '../../core/current-actor.decorator';
import { RequestContext } from '../../common/context';
import { QuantityModel } from '../claim.model';
import { DefineQuantityVariableInput } from './dto/define-quantity-variable.input';
import { QuantityVariableModel } from './quantity-variable.model';
import { VariableRegistry } from './variable-registry.service';

@Resolver(() => QuantityVariableModel)
export class VariablesResolver {
  constructor(private readonly registry: VariableRegistry) {}

  @Query(() => [QuantityVariableModel], { description: 'The vocabulary of figures, by name.' })
  quantityVariables(): Promise<QuantityVariableModel[]> {
    return this.registry.list();
  }

  @Mutation(() => QuantityVariableModel, { description: 'Editors: adds a variable to the vocabulary of figures, or redefines one.' })
  defineQuantityVariable(@Args('input') input: DefineQuantityVariableInput, @CurrentActor() actor: Actor): Promise<QuantityVariableModel> {
    return this.registry.define(input, actor);
  }
}

@Resolver(() => QuantityModel)
export class QuantityRegistrationResolver {
  constructor(private readonly registry: VariableRegistry) {}

  @ResolveField(() => Boolean, { description: 'False when the variable is not in the vocabulary of figures (kept as written, flagged for an editor).' })
  async registered(@Parent() q: QuantityModel, @Context() ctx: RequestContext): Promise<boolean> {
    const loader = ctx.loaders.get('quantity.registered', async (keys) => {
      const known = await this.registry.registered(keys);
      return keys.map((k) => known.has(k));
    });
    return (await loader.load(q.variable)) as boolean;
  }
}
