import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { Article } from '../articles/article.entity';
import { ArticlesService } from '../articles/articles.service';
import { Attribution } from '../attributions/attribution.entity';
import { AttributionsService } from '../attributions/attributions.service';
import { Citation } from '../attributions/citation.entity';
import { toClaimModel } from '../claims/claim.mapper';
import { Claim } from '../claims/claim.entity';
import { ClaimsService } from '../claims/claims.service';
import { IdArgs } from '../common/args';
import { NotFoundError } from '../common/errors';
import { NodeInterface, asNode } from '../common/node';
import { RecordType } from '../common/record-type';
import { Source } from '../sources/source.entity';
import { SourcesService } from '../sources/sources.service';

type NodeType = Exclude<RecordType, RecordType.USER>;

/**
 * node(id:): the types that implement Node, each read as its own root query reads it, with the
 * same rules for deleted records (a test checks this list against the schema's implementations).
 */
@Resolver()
export class NodeResolver {
  private readonly nodes: Record<NodeType, { entity: EntityTarget<ObjectLiteral>; load: (id: string, actor: Actor) => Promise<NodeInterface> }>;

  constructor(
    private readonly dataSource: DataSource,
    claims: ClaimsService,
    sources: SourcesService,
    articles: ArticlesService,
    attributions: AttributionsService,
  ) {
    this.nodes = {
      [RecordType.CLAIM]: { entity: Claim, load: async (id, actor) => toClaimModel(await claims.get(id, undefined, actor)) },
      [RecordType.SOURCE]: { entity: Source, load: (id) => sources.get(id) },
      [RecordType.ARTICLE]: { entity: Article, load: (id) => articles.get(id) },
      [RecordType.ATTRIBUTION]: { entity: Attribution, load: (id, actor) => attributions.getForReader(id, actor) },
      [RecordType.CITATION]: { entity: Citation, load: (id, actor) => attributions.getCitation(id, actor) },
    };
  }

  /** The GraphQL types node(id:) can return. */
  get types(): string[] {
    return Object.keys(this.nodes);
  }

  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Any claim, attribution, citation, source or article by its id, or null when there is none you may read (Relay\'s global object identification). The type\'s own query says why.',
  })
  async node(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<NodeInterface | null> {
    const type = await this.typeOf(id);
    if (!type) return null;
    try {
      return asNode(type, await this.nodes[type].load(id, actor));
    } catch (error) {
      // Hidden from this reader (deleted, or beneath a deleted record): Relay clients expect null, not an error.
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** Which table holds the id, in one statement (each id is a primary key, so at most one row answers). */
  private async typeOf(id: string): Promise<NodeType | null> {
    const branches = Object.entries(this.nodes).map(([type, { entity }]) => `SELECT '${type}' AS type FROM ${this.dataSource.getMetadata(entity).tableName} WHERE id = :id`);
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(branches.join(' UNION ALL '), { id });
    const rows: Array<{ type: NodeType }> = await this.dataSource.query(sql, parameters);
    return rows[0]?.type ?? null;
  }
}
