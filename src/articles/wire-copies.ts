import { EntityManager, In } from 'typeorm';
import { foldKey } from '../common/text';
import { textSimilarity } from '../common/text-similarity';
import { Article } from './article.entity';
import { WireLink } from './wire-link.entity';

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

/** An editor's word on a pair of articles (wire-link.entity.ts): copies of one story, or not. */
export interface WirePairLink {
  articleId: string;
  otherArticleId: string;
  copies: boolean;
}

/**
 * Articles grouped into distinct reports: copies of one wire story (the same agency and a
 * near-identical body, or linked by an editor) form one group; every other article is a report of
 * its own. An editor's "not copies" overrules the text rule for that pair; groups are transitive,
 * so a third article linked to both still joins them.
 */
export function wireGroups<T extends WireArticle>(articles: T[], links: readonly WirePairLink[] = []): T[][] {
  const word = new Map(links.map((l) => [pairKey(l.articleId, l.otherArticleId), l.copies]));
  const parent = articles.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < articles.length; i++) {
    for (let j = 0; j < i; j++) {
      const said = word.get(pairKey(articles[i].id, articles[j].id));
      if (said ?? sameStory(articles[i], articles[j])) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, T[]>();
  articles.forEach((a, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), a]));
  return [...groups.values()];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** The editor's links touching any of these articles. */
export async function wireLinksOf(manager: EntityManager, articleIds: readonly string[]): Promise<WireLink[]> {
  if (!articleIds.length) return [];
  const ids = [...articleIds];
  return manager.find(WireLink, { where: [{ articleId: In(ids) }, { otherArticleId: In(ids) }] });
}

/** How far apart two copies of one wire story may be published. */
const COPY_WINDOW_MS = 3 * 86_400_000;

/**
 * The other live articles that are copies of the same wire story as `articleId`: those an editor
 * linked to it, and those of the same agency with a near-identical body (among at most 50 of that
 * agency's articles published within three days) that an editor has not said are not copies.
 */
export async function wireCopyIds(manager: EntityManager, articleId: string): Promise<string[]> {
  const links = await wireLinksOf(manager, [articleId]);
  const other = (l: WireLink) => (l.articleId === articleId ? l.otherArticleId : l.articleId);
  const notCopies = new Set(links.filter((l) => !l.copies).map(other));
  const linked = links.filter((l) => l.copies).map(other);
  const live = linked.length ? (await manager.find(Article, { where: { id: In(linked) }, select: { id: true } })).map((a) => a.id) : [];
  const article = await manager.findOne(Article, { where: { id: articleId } });
  if (!article?.wireAgency) return live;
  const qb = manager
    .createQueryBuilder(Article, 'ar')
    .where('lower(ar.wire_agency) = lower(:agency) AND ar.id <> :id', { agency: article.wireAgency, id: article.id })
    .orderBy('ar.id', 'DESC')
    .limit(50);
  if (article.publishedAt) {
    const at = article.publishedAt.getTime();
    qb.andWhere('(ar.published_at IS NULL OR ar.published_at BETWEEN :from AND :to)', { from: new Date(at - COPY_WINDOW_MS), to: new Date(at + COPY_WINDOW_MS) });
  }
  const byText = (await qb.getMany()).filter((o) => !notCopies.has(o.id) && sameStory(article, o)).map((o) => o.id);
  return [...new Set([...live, ...byText])];
}
