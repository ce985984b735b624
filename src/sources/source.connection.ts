import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { SourceModel } from './source.model';

@ObjectType()
export class SourceConnection extends Connection(SourceModel, 'Source') {}
