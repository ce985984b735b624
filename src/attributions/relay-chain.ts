import { FieldError } from '../common/errors';

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
