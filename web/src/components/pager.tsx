/**
 * Paging for lists whose cursor lives in the URL, so a page can be shared: `after` reads forwards
 * from a page's end, `before` backwards from its start (the API's first/after and last/before).
 */
export type PageQuery = { after?: string; before?: string };

/** The list's paging variables for a URL query: backwards when it carries `before`. */
export function pageVariables(query: PageQuery, size: number) {
  return query.before
    ? { first: null, after: null, last: size, before: query.before }
    : { first: size, after: query.after || null, last: null, before: null };
}

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };

/** Previous and Next, each shown only when the API says there is such a page; `go` gets the URL query's cursor. */
export function Pager({ pageInfo, go }: { pageInfo: PageInfo; go: (cursor: PageQuery) => void }) {
  const { hasPreviousPage, hasNextPage, startCursor, endCursor } = pageInfo;
  return (
    <nav class="pager" aria-label="Pages">
      {hasPreviousPage && startCursor && (
        <button type="button" class="secondary" onClick={() => go({ before: startCursor, after: undefined })}>
          Previous page
        </button>
      )}
      {hasNextPage && endCursor && (
        <button type="button" onClick={() => go({ after: endCursor, before: undefined })}>
          Next page
        </button>
      )}
    </nav>
  );
}
