import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Actor } from '../core/actor';
import { RequestRecord, attachRecord } from '../common/request-record';
import { GRAPHQL_PATH } from '../config/settings';
import { AppLog } from './app-log';
import { Metrics } from './metrics';

/** A client's request id is echoed only when it is a plain token: it goes into log lines and headers. */
const CLIENT_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The code a response's HTTP status stands for, when no layer named one. */
const STATUS_OUTCOME: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

type ObservedRequest = IncomingMessage & {
  actor?: Promise<Actor | null>;
  actorValue?: Actor;
  route?: { path?: string };
};

/**
 * Sees every request before anything else on the HTTP server, the direct read path included:
 * gives it a request id (the client's `x-request-id` or a new one, echoed in the response), counts
 * it in flight, and when its response closes writes one JSON log line and the request metrics from
 * its RequestRecord.
 */
@Injectable()
export class RequestObserver {
  private readonly open = new Set<RequestRecord>();
  private idle: Array<() => void> = [];

  constructor(
    private readonly metrics: Metrics,
    private readonly log: AppLog,
  ) {
    metrics.countRequestsInFlight(() => this.inFlightNow);
  }

  /** Responses not yet closed (requestsInFlight also counts those whose log line is still being written). */
  private inFlightNow = 0;

  /** Ahead of every other 'request' listener, so it sees what the front door answers too. */
  install(server: Server): void {
    server.prependListener('request', (req: ObservedRequest, res: ServerResponse) => this.observe(req, res));
  }

  get requestsInFlight(): number {
    return this.open.size;
  }

  /** Marks the requests in flight as cut by the shutdown, for their log lines, just before their connections are closed. */
  markCut(): void {
    for (const record of this.open) record.outcome ??= 'CUT_AT_SHUTDOWN';
  }

  /** Resolves true once no request is in flight, or false after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.open.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private observe(req: ObservedRequest, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    // Read now: Express rewrites req.url for the routers it passes the request through.
    const path = (req.url ?? '/').split('?')[0];
    const given = req.headers['x-request-id'];
    const record: RequestRecord = { id: typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID() };
    attachRecord(req, record);
    res.setHeader('x-request-id', record.id);
    this.open.add(record);
    this.inFlightNow += 1;
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.inFlightNow -= 1;
      // Idle once the line is written: the shutdown waits for it before the process exits.
      void this.finish(req, res, record, path, seconds).finally(() => {
        this.open.delete(record);
        if (this.open.size === 0) for (const done of this.idle.splice(0)) done();
      });
    });
  }

  private async finish(req: ObservedRequest, res: ServerResponse, record: RequestRecord, path: string, seconds: number): Promise<void> {
    const servedBy = record.servedBy ?? (path === GRAPHQL_PATH ? 'apollo' : 'http');
    const operation = servedBy === 'http' ? `${req.method} ${req.route?.path ?? 'unmatched'}` : record.operation;
    const status = res.statusCode;
    const outcome = record.outcome ?? (res.writableFinished ? outcomeOf(status, path === GRAPHQL_PATH) : 'CLIENT_CLOSED');
    const label = this.metrics.operationLabel(operation);
    this.metrics.requests.inc({ path: servedBy, operation: label, outcome });
    this.metrics.latency.observe({ path: servedBy, operation: label }, seconds);
    for (const code of record.errorCodes ?? (outcome === 'OK' ? [] : [outcome])) this.metrics.errors.inc({ code });
    if (record.declined && servedBy !== 'direct') this.metrics.directDeclines.inc({ reason: record.declined });
    const keyId = record.keyId ?? req.actorValue?.keyId ?? (await req.actor?.catch(() => null))?.keyId;
    this.log.logger.info(
      {
        reqId: record.id,
        method: req.method,
        path,
        servedBy,
        operation: operation ?? null,
        status,
        outcome,
        durationMs: Math.round(seconds * 10_000) / 10,
        keyId: keyId ?? null,
      },
      'request',
    );
  }
}

function outcomeOf(status: number, graphql: boolean): string {
  if (status < 400) return 'OK';
  // On /graphql every GraphQL-level error names its code through Apollo's plugin; a 400 or 415 that
  // none named is a body that could not be read (front-door.ts, Apollo's HTTP checks): BAD_REQUEST.
  if (graphql && (status === 400 || status === 415)) return 'BAD_REQUEST';
  return STATUS_OUTCOME[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : `HTTP_${status}`);
}
