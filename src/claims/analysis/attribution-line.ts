import { AttributionFacts, originOf } from './sourcing';

function speakerLabel(a: AttributionFacts): string {
  return a.speaker.anonymous ? `${a.speaker.name} (anonymous)` : a.speaker.name;
}

/** "AFP, citing CNN, quoting a senior military official (anonymous)". */
export function renderChain(a: AttributionFacts): string {
  if (!a.chain.length) return speakerLabel(a);
  const parts = [a.chain[0].source.name];
  for (let i = 1; i < a.chain.length; i++) parts.push(`${a.chain[i - 1].cue ?? 'citing'} ${a.chain[i].source.name}`);
  parts.push(`${a.chain[a.chain.length - 1].cue ?? 'quoting'} ${speakerLabel(a)}`);
  return parts.join(', ');
}

/**
 * A newsroom-style line: the first asserting origin in full, then "also reported by" for the
 * other origins, then who denies and who questions. One mention per origin.
 */
export function attributionLine(attributions: AttributionFacts[]): string {
  const seen = new Set<string>();
  const byStance = (stance: AttributionFacts['stance']) =>
    attributions.filter((a) => a.stance === stance).filter((a) => {
      const key = `${stance}:${originOf(a)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const [first, ...others] = byStance('ASSERTS');
  const sections: string[] = [];
  if (first) sections.push(renderChain(first));
  if (others.length) sections.push(`also reported by ${others.map(renderChain).join(', ')}`);
  const denying = byStance('DENIES');
  if (denying.length) sections.push(`denied by ${denying.map(renderChain).join(', ')}`);
  const questioning = byStance('QUESTIONS');
  if (questioning.length) sections.push(`questioned by ${questioning.map(renderChain).join(', ')}`);
  return sections.join('; ');
}
