/** The write workload's request: one logClaim, as a reporter sends it, with a new article URL each time. */
const LOG_CLAIM = `mutation Log($input: LogClaimInput!) { logClaim(input: $input) { id attributions { id } } }`;

export function logClaimBody(runId: string, n: number): string {
  return JSON.stringify({
    query: LOG_CLAIM,
    variables: {
      input: {
        statement: `At least 40 fighters surrendered near Baghouz (bench ${runId}-${n})`,
        hedge: 'reportedly',
        tags: ['bench', 'siege'],
        place: { name: 'Baghouz', adminArea: 'Deir ez-Zor', country: 'SY' },
        quantities: [{ variable: 'fighters_surrendered', lower: 40, qualifier: 'at least', unit: 'fighters' }],
        article: { url: `https://bench.example.org/${runId}/story-${n}?utm_source=bench`, headline: `Bench story ${n}`, publisher: 'Reuters' },
        attributions: [
          { source: { name: 'SOHR' }, cue: 'said', quote: { quote: 'at least 40 fighters surrendered' } },
          {
            source: { name: 'a senior military official', kind: 'ANONYMOUS' },
            via: [{ source: { name: 'CNN' }, cue: 'quoting' }],
            cue: 'reported',
            anonymityReason: 'not authorized to speak to the media',
          },
        ],
      },
    },
  });
}
