import { InputType } from '@nestjs/graphql';
import { Versioned } from '../../common/input-fields';

@InputType()
export class RemoveAttributionInput extends Versioned() {}
