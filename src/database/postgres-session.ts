/**
 * Settings of every PostgreSQL session the app opens (libpq's `options`), and the benchmark's floor and PostGraphile
 * use them too, so that the three are compared on the same sessions.
 *
 * JIT is off. claimdesk's reads are prepared statements whose generic plan cannot see the page size, so at a few
 * million claims PostgreSQL estimates a 50-claim page as a large part of the table, puts it past jit_above_cost and
 * compiles it on each execution: 1,032 ms for a page that runs in 4 ms without JIT (scale 40, BENCHMARKS.md). An
 * import's one-off batch statements had the same trouble (2.2 s of compiling for 60 ms of work).
 */
export const POSTGRES_SESSION_OPTIONS = '-c jit=off';
