import { registerEnumType } from '@nestjs/graphql';
import { Reliability, SourceKind } from './source-kind';

registerEnumType(SourceKind, { name: 'SourceKind', description: 'What kind of speaker or outlet a source is.' });
registerEnumType(Reliability, {
  name: 'Reliability',
  description: 'Admiralty source reliability: A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged.',
});

export { Reliability, SourceKind };
