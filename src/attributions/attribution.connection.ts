import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { AttributionModel } from './attribution.model';

@ObjectType()
export class AttributionConnection extends Connection(AttributionModel, 'Attribution') {}
