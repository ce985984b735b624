import { EntityManager } from 'typeorm';
import { foldKey } from '../common/text';
import { textSimilarity } from '../common/text-similarity';
import { Article } from './article.entity';

/** Bodies at least this similar (trigram, common/text-similarity.ts) are one wire story. */
export const WIRE_BODY_SIMILARITY = 0.8;

export interface WireArticle {
  id: string;
  url: string;
  publisher: string | null;
  wireAgency: string | null;
  headline: string | null;
  bodyText: string | null;
}

/** The outlet an article appeared in: its publisher, or the host of its URL. */
export function outletOf(a: WireArticle): string {
  if (a.publisher?.trim()) return a.publisher.trim();
  try {
    return new URL(a.url).host.replace(/^www\./, '');
  } catch {
    return a.url;
  }
}

export function sameStory(a: WireArticle, b: WireArticle): boolean {
  if (!a.wireAgency || !b.wireAgency || foldKey(a.wireAgency) !== foldKey(b.wireAgency)) return false;
  if (a.bodyText && b.bodyText) return textSimilarity(a.bodyText.slice(0, 20_000), b.bodyText.slice(0, 20_000)) >= WIRE_BODY_SIMILARITY;
  // Without both bodies, the same agency and the same headline.
  return !!a.headline && !!b.headline && foldKey(a.headline) === foldKey(b.headline);
}

/**
 * Articles grouped into distinct reports: copies of one wire story (the same agency and a
 * near-identical body) form one group; every other article is a report of its own.
 */
export function wireGroups<T extends WireArticle>(articles: T[]): T[][] {
  const groups: T[][] = [];
  for (const article of articles) {
    const group = groups.find((g) => g.some((other) => sameStory(article, other)));
    if (group) group.push(article);
    else groups.push([article]);
  }
  return groups;
}

/** How far apart two copies of one wire story may be published. */
const COPY_WINDOW_MS = 3 * 86_400_000;

/**
 * The other live articles that are copies of the same wire story as `articleId` (same agency,
 * near-identical body), among at most 50 of that agency's articles published within three days.
 */
export async function wireCopyIds(manager: EntityManager, articleId: string): Promise<string[]> {
  const article = await manager.findOne(Article, { where: { id: articleId } });
  if (!article?.wireAgency) return [];
  const qb = manager
    .createQueryBuilder(Article, 'ar')
    .where('lower(ar.wire_agency) = lower(:agency) AND ar.id <> :id', { agency: article.wireAgency, id: article.id })
    .orderBy('ar.id', 'DESC')
    .limit(50);
  if (article.publishedAt) {
    const at = article.publishedAt.getTime();
    qb.andWhere('(ar.published_at IS NULL OR ar.published_at BETWEEN :from AND :to)', { from: new Date(at - COPY_WINDOW_MS), to: new Date(at + COPY_WINDOW_MS) });
  }
  return (await qb.getMany()).filter((other) => sameStory(article, other)).map((other) => other.id);
}
