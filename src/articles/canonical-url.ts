/** Query parameters that track a reader rather than identify a page. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'ocid', 'cmpid', 'ref_src', 'smid', 'smtyp',
  '_ga', '_gl', 'yclid', 'twclid', 'wt_mc', 'at_medium', 'at_campaign', 'cid', 'share', 'ito',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

export class InvalidUrlError extends Error {}

/**
 * One article, one URL: lower-case scheme and host, no default port, no fragment, no
 * tracking parameters, remaining parameters sorted. The path is kept as is, because
 * publishers' paths are case-sensitive.
 */
export function canonicalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InvalidUrlError('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidUrlError('must be an http or https URL');
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') throw new InvalidUrlError('must have a full host name');
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}
