import { InputType } from '@nestjs/graphql';
import { OptionalText, Versioned } from '../../common/input-fields';
import { ClaimFieldsInput, STATEMENT_MAX } from './claim-fields.input';

@InputType()
export class UpdateClaimInput extends Versioned(ClaimFieldsInput) {
  @OptionalText(STATEMENT_MAX)
  statement?: string;
}
