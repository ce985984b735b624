import { registerEnumType } from '@nestjs/graphql';

/** The kinds of record that are audited, deleted as a state and restored. */
export enum RecordType {
  CLAIM = 'Claim',
  SOURCE = 'Source',
  ATTRIBUTION = 'Attribution',
  CITATION = 'Citation',
  ARTICLE = 'Article',
  USER = 'User',
}

registerEnumType(RecordType, { name: 'RecordType' });
