import { Args, ArgsType, Field, ID, Info, InputType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { selectsField } from '../common/selection';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { mayRead } from '../core/field-access';
import { PageArgs } from '../common/pagination';
import { RecordType } from '../common/record-type';
import { RangeFrom, RangeTo } from '../common/input-fields';
import { AuditEvent } from './audit-event.entity';
import { AuditEventConnection, AuditEventModel } from './audit.model';
import { AuditService } from './audit.service';

@ArgsType()
class HistoryArgs extends PageArgs {
  @Field(() => RecordType)
  @IsEnum(RecordType)
  entityType: RecordType;

  @Field(() => ID)
  @IsUUID()
  id: string;
}

@InputType()
class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field(() => RecordType, { nullable: true })
  @IsOptional()
  @IsEnum(RecordType)
  entityType?: RecordType;

  @RangeFrom()
  from?: Date;

  @RangeTo()
  to?: Date;
}

@ArgsType()
class AuditEventsArgs extends PageArgs {
  @Field(() => AuditFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilterInput)
  filter?: AuditFilterInput;
}

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'Every change to one record, oldest first (editors and admins).' })
  async history(@Args() { entityType, id, ...page }: HistoryArgs, @CurrentActor() actor: Actor, @Info() info: GraphQLResolveInfo): Promise<AuditEventConnection> {
    return this.shape(await this.audit.list({ entityType, entityId: id }, page, { count: selectsField(info, 'totalCount') }), actor, info.schema);
  }

  @Query(() => AuditEventConnection, { description: 'Changes by actor, record type and time, oldest first (editors and admins).' })
  async auditEvents(@Args() { filter, ...page }: AuditEventsArgs, @CurrentActor() actor: Actor, @Info() info: GraphQLResolveInfo): Promise<AuditEventConnection> {
    return this.shape(await this.audit.list(filter ?? {}, page, { count: selectsField(info, 'totalCount') }), actor, info.schema);
  }

  /**
   * The events as the actor may see them: a change of a field restricted to other roles (core/field-access.ts) is left
   * out, as the field itself reads null for them. A record type is its GraphQL type's name, and a change names the
   * entity property, which the field of the same name shows.
   */
  private shape(page: Awaited<ReturnType<AuditService['list']>>, actor: Actor, schema: GraphQLSchema): AuditEventConnection {
    const readable = (entityType: string, field: string): boolean => {
      const type = schema.getType(entityType);
      const shown = type instanceof GraphQLObjectType ? type.getFields()[field] : undefined;
      return !shown || mayRead(shown, actor.role);
    };
    const toModel = (e: AuditEvent): AuditEventModel => ({
      ...e,
      changes: e.changes.filter((c) => readable(e.entityType, c.field)).map((c) => ({ field: c.field, before: encode(c.before), after: encode(c.after) })),
    });
    const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toModel(edge.node) }));
    return { ...page, edges, nodes: edges.map((edge) => edge.node) };
  }
}

function encode(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
