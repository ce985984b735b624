import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors';
import { RateLimitSettings, rateLimits } from '../config/settings';

/** Who sent a request, as the budgets see it; kept on the request so a failed key counts once. */
export interface Client {
  address: string;
  failedAuthCounted?: boolean;
}

const CLIENT = Symbol('rateLimitClient');
type Carrier = IncomingMessage & { [CLIENT]?: Client };

/**
 * Request budgets per API key, per client address, and a much smaller one per address for failed
 * authentications. State is in this process's memory: N instances behind a load balancer give a
 * client up to N times each budget (README, "Rate limits"). Every request is counted once, at the
 * front door, before the direct path or Express sees it; a client over its failed-authentication
 * budget is refused there, so its wrong keys cost no database look-up.
 */
@Injectable()
export class RateLimits {
  /** Read once, when the application is made. */
  readonly settings: RateLimitSettings = rateLimits();
  private readonly perKey = this.limiter(this.settings.perKey);
  private readonly perAddress = this.limiter(this.settings.perAddress);
  private readonly failedAuth = this.limiter(this.settings.failedAuthPerAddress);

  /** Counts the request against its budgets; the refusal when one is spent, else null. */
  async admit(req: IncomingMessage): Promise<RateLimitedError | null> {
    const client = this.clientOf(req);
    if (this.failedAuth) {
      const failed = await this.failedAuth.get(client.address);
      if (failed && failed.consumedPoints >= this.settings.failedAuthPerAddress) return refusal('failed authentications per address', failed);
    }
    const spent = (await this.consume(this.perAddress, client.address, 'requests per address')) ?? (await this.consume(this.perKey, keyId(req.headers.authorization), 'requests per API key'));
    return spent;
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
    carrier[CLIENT] ??= { address: clientAddress(req, this.settings.trustProxy) };
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
function keyId(authorization: string | string[] | undefined): string | null {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  return value ? createHash('sha256').update(value).digest('base64url') : null;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
