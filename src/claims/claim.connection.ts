import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { ClaimModel } from './claim.model';

@ObjectType()
export class ClaimConnection extends Connection(ClaimModel, 'Claim') {}
