import { registerEnumType } from '@nestjs/graphql';
import { Sourcing } from './claim-enum-values';

registerEnumType(Sourcing, {
  name: 'Sourcing',
  description:
    'How a claim is sourced (docs/sourcing-rules.md): CONTESTED (an origin denies it), UNSOURCED (nothing asserts it), ANONYMOUS_ONLY (every asserting speaker is anonymous), CORROBORATED (two or more independent origins), SINGLE_SOURCE (one origin).',
});

export { Sourcing };
