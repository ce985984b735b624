import { registerEnumType } from '@nestjs/graphql';
import { AttributionMode, Stance } from './attribution-enum-values';

registerEnumType(Stance, { name: 'Stance', description: 'What the source does with the claim.' });
registerEnumType(AttributionMode, { name: 'AttributionMode' });

export { AttributionMode, Stance };
