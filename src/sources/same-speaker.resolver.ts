import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { IdArgs } from '../common/args';
import { sameSpeakerKey } from './same-speaker';
import { Source } from './source.entity';
import { SourceModel } from './source.model';

@ObjectType('SameSpeakerSuggestion', {
  description: 'Anonymous sources of one article whose descriptions likely denote one person. Confirm with linkSources (one origin), split with unlinkSources.',
})
export class SameSpeakerSuggestionModel {
  @Field(() => [SourceModel])
  sources: Source[];

  @Field(() => String, { nullable: true, description: 'The anonymity reason stated for one mention, which applies to each.' })
  anonymityReason: string | null;

  @Field({ description: 'True when an editor has already linked them as one origin.' })
  linked: boolean;
}

@Resolver()
export class SameSpeakerResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [SameSpeakerSuggestionModel], { description: 'One speaker described twice in this article: anonymous descriptions suggested as one source.' })
  async sameSpeakerSuggestions(@Args() { id }: IdArgs): Promise<SameSpeakerSuggestionModel[]> {
    const rows: Array<{ sourceId: string; reason: string | null }> = await this.dataSource.manager
      .createQueryBuilder()
      .select('a.source_id', 'sourceId')
      .addSelect('a.anonymity_reason', 'reason')
      .from('citation', 'ci')
      .innerJoin('attribution', 'a', 'a.id = ci.attribution_id AND a.deleted_at IS NULL')
      .where('ci.article_id = :id AND ci.deleted_at IS NULL', { id })
      .orderBy('a.id')
      .getRawMany();
    const sources = rows.length ? await this.dataSource.manager.find(Source, { where: { id: In([...new Set(rows.map((r) => r.sourceId))]) } }) : [];
    const groups = new Map<string, Source[]>();
    for (const s of sources.filter((x) => x.kind === 'ANONYMOUS')) {
      const key = sameSpeakerKey(s.name);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    return [...groups.values()]
      .filter((g) => g.length > 1)
      .map((g) => {
        const ids = new Set(g.map((s) => s.id));
        const groupIds = new Set(g.map((s) => s.originGroupId));
        return {
          sources: g.sort((x, y) => (x.id < y.id ? -1 : 1)),
          anonymityReason: rows.find((r) => ids.has(r.sourceId) && r.reason)?.reason ?? null,
          linked: groupIds.size === 1 && !groupIds.has(null),
        };
      });
  }
}
