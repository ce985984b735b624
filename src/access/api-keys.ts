import { randomBytes } from 'node:crypto';

// Also needed by the rate limits (limits/), which may not import from access/.
export { bearerToken, hashApiKey } from '../common/api-key-token';

const PREFIX = 'cdk_';

/** A new key with 256 bits of randomness; only its hash is ever stored. */
export function generateApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function keyPrefix(key: string): string {
  return key.slice(0, 10);
}
