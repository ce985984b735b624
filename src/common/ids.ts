import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids (UUIDv7): keyset pagination on id alone follows creation order. */
export function newId(): string {
  return uuidv7();
}
