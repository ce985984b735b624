import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { bearerToken, hashApiKey } from '../common/api-key-token';
import { RateLimitedError } from '../common/errors';
import { RateLimitSettings, rateLimits } from '../config/settings';
import { KnownGoodKeys } from './known-good-keys';

/** Who sent a request, as the budgets see it; kept on the request so a failed key counts once. */
export interface Client {
  address: string;
  failedAuthCounted?: boolean;
  /** The bearer key sent and its hash (hashApiKey), hashed once per request for the budgets and authentication alike. */
  key?: { token: string; hash: string };
}

const CLIENT = Symbol('rateLimitClient');
type Carrier = IncomingMessage & { [CLIENT]?: Client };

/**
 * Request budgets per API key, per client address, and a much smaller one per address for failed
 * authentications. State is in this process's memory: N instances behind a load balancer give a
 * client up to N times each budget (README, "Rate limits"). Every request is counted once, at the
 * front door, before the direct path or Express sees it; a client over its failed-authentication
 * budget is refused there, so its wrong keys cost no database look-up, unless its key is one this
 * process authenticated recently (KnownGoodKeys): one bad script must not lock out a shared office.
 */
@Injectable()
export class RateLimits {
  /** Read once, when the application is made. */
  readonly settings: RateLimitSettings = rateLimits();
  private readonly perKey = this.limiter(this.settings.perKey);
  private readonly perAddress = this.limiter(this.settings.perAddress);
  private readonly failedAuth = this.limiter(this.settings.failedAuthPerAddress);
  private readonly knownGood = new KnownGoodKeys(this.settings.knownGoodKeys);

  /** Counts the request against its budgets; the refusal when one is spent, else null. */
  async admit(req: IncomingMessage): Promise<RateLimitedError | null> {
    const client = this.clientOf(req);
    if (this.failedAuth) {
      const failed = await this.failedAuth.get(client.address);
      const overBudget = failed && failed.consumedPoints >= this.settings.failedAuthPerAddress;
      if (overBudget && !(client.key && this.knownGood.has(client.key.hash))) return refusal('failed authentications per address', failed);
    }
    const spent = (await this.consume(this.perAddress, client.address, 'requests per address')) ?? (await this.consume(this.perKey, keyId(req.headers.authorization, client), 'requests per API key'));
    return spent;
  }

  /** A key that authenticated: its address may send it even over the failed-authentication budget. */
  authenticated(hash: string): void {
    this.knownGood.remember(hash);
  }

  /** A key that is revoked, or failed to authenticate: no longer let past the failed-authentication budget. */
  forgetKey(hash: string): void {
    this.knownGood.forget(hash);
  }

  /** A wrong, revoked or missing key: counted once per request against the sender's address. */
  failedAuthentication(client: Client | undefined): void {
    if (!client || client.failedAuthCounted || !this.failedAuth) return;
    client.failedAuthCounted = true;
    this.failedAuth.consume(client.address).catch(() => undefined);
  }

  /** The request's client, made on first use. */
  clientOf(req: IncomingMessage): Client {
    const carrier = req as Carrier;
    if (!carrier[CLIENT]) {
      const token = bearerToken(req.headers.authorization);
      carrier[CLIENT] = { address: clientAddress(req, this.settings.trustProxy), key: token ? { token, hash: hashApiKey(token) } : undefined };
    }
    return carrier[CLIENT];
  }

  private limiter(points: number): RateLimiterMemory | null {
    return points > 0 ? new RateLimiterMemory({ points, duration: this.settings.windowSeconds }) : null;
  }

  private async consume(limiter: RateLimiterMemory | null, key: string | null, budget: string): Promise<RateLimitedError | null> {
    if (!limiter || key === null) return null;
    try {
      await limiter.consume(key);
      return null;
    } catch (result) {
      if (result instanceof RateLimiterRes) return refusal(budget, result);
      throw result;
    }
  }
}

function refusal(budget: string, result: RateLimiterRes): RateLimitedError {
  return new RateLimitedError(budget, Math.max(1, Math.ceil(result.msBeforeNext / 1000)));
}

/** Budgets are kept by a hash of the key, so no key is held in memory as sent. */
function keyId(authorization: string | string[] | undefined, client: Client): string | null {
  if (client.key) return client.key.hash;
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  return value ? hashApiKey(value) : null;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
