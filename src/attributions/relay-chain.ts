import { FieldError } from '../common/errors';
import { sourceNameKey } from '../sources/source-name';

/**
 * A chain is who passed the words on, outermost first. The speaker cannot relay themself,
 * and a chain cannot pass through the same intermediary twice.
 */
export function chainProblems(speakerId: string, hopSourceIds: string[], field: string): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  hopSourceIds.forEach((id, i) => {
    if (id === speakerId) problems.push({ field: `${field}.${i}.sourceId`, message: 'the speaker cannot be their own intermediary' });
    else if (seen.has(id)) problems.push({ field: `${field}.${i}.sourceId`, message: 'this intermediary already appears earlier in the chain' });
    seen.add(id);
  });
  return problems;
}

/** A source as named before it is resolved: by its id, or by its folded name. */
function mentionKey(ref: { id?: string | null; name?: string | null }): string | undefined {
  return ref.id ?? (ref.name ? sourceNameKey(ref.name) : undefined);
}

/**
 * The self-relay rule on sources as named (logClaim, acceptSuggestion, imports), so that "CNN,
 * quoting CNN" is refused before anything is looked up; chainProblems applies the same rule to ids.
 */
export function selfRelayProblems(speaker: { id?: string | null; name?: string | null }, hops: Array<{ id?: string | null; name?: string | null }>, field: (hop: number) => string): FieldError[] {
  const key = mentionKey(speaker);
  if (key === undefined) return [];
  return hops.flatMap((hop, j) => (mentionKey(hop) === key ? [{ field: field(j), message: 'the speaker cannot be their own intermediary' }] : []));
}
