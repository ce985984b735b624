import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/context';
import { Restricted } from '../core/field-access';
import { byKey } from '../common/loaders';
import { ClaimModel } from './claim.model';
import { DeclaredReference, REFERENCE_ENTRIES, REFERENCE_TARGETS, findTargets, idPropertyOf } from './declared-references';

/**
 * The field `Claim.x` of each declared reference (declared-references.ts), for the reads the claim tree does not
 * serve (a mutation's result, a claim beneath an attribution): the record by the claim's `xId`, batched per request.
 * The claim tree's edge serves every other read; its prefetched value skips this resolver (common/prefetch.ts).
 * One method per entry, named as the field, so that the schema is written from the table alone.
 */
@Resolver(() => ClaimModel)
export class DeclaredReferencesResolver {
  constructor(private readonly dataSource: DataSource) {}

  load(name: string, reference: DeclaredReference, claim: ClaimModel, ctx: RequestContext): Promise<object | null> | null {
    const id = (claim as unknown as Record<string, string | null | undefined>)[idPropertyOf(name)];
    if (!id) return null;
    const target = REFERENCE_TARGETS[reference.to];
    const loader = ctx.loaders.get(`claim.reference.${name}`, async (ids) =>
      byKey(ids, await findTargets(this.dataSource.manager, reference, ids), (row) => row.id).map((row) => (row ? target.toModel(row as never) : null)),
    );
    return loader.load(id);
  }
}

for (const [name, reference] of REFERENCE_ENTRIES) {
  const prototype = DeclaredReferencesResolver.prototype as unknown as Record<string, unknown>;
  prototype[name] = function (this: DeclaredReferencesResolver, claim: ClaimModel, ctx: RequestContext) {
    return this.load(name, reference, claim, ctx);
  };
  // What tsc would emit for a written-out method (RequestContext is an interface, so Object): without it Nest warns
  // at every start that the handler's parameters go unvalidated, as it would for any method lacking the metadata.
  Reflect.defineMetadata('design:paramtypes', [ClaimModel, Object], prototype, name);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
  ResolveField(name, () => REFERENCE_TARGETS[reference.to].model, { nullable: true, description: reference.description })(prototype, name, descriptor);
  if (reference.readBy) Restricted(reference.readBy)(prototype, name, descriptor);
  Parent()(prototype, name, 0);
  Context()(prototype, name, 1);
}
