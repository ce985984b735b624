import { foldKey } from '../../common/text';
import { textSimilarity } from '../matching/text-similarity';

/** Bodies at least this similar (trigram, claims/matching/text-similarity.ts) are one wire story. */
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

function sameStory(a: WireArticle, b: WireArticle): boolean {
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
