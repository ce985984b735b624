import { BeforeApplicationShutdown, INestApplication, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { shutdownDrainMs } from '../config/settings';
import { AppLog } from './app-log';
import { RequestObserver } from './request-observer';

/**
 * On SIGTERM or SIGINT (handleSignals, called by main.ts): stop accepting connections, let the requests
 * in flight finish (imports and exports included) for up to SHUTDOWN_DRAIN_SECONDS, cut whatever
 * is left, then close the database, logging each step. Readiness reports `down` from the first
 * step, so a load balancer stops sending work.
 */
@Injectable()
export class GracefulShutdown implements OnApplicationBootstrap, BeforeApplicationShutdown {
  draining = false;
  private server?: Server;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly observer: RequestObserver,
    private readonly log: AppLog,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    // A CLI command boots the application without an HTTP server.
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    this.server = server;
    // Installed once listening, after every module has put its handlers on the server (the front door's among them).
    server.once('listening', () => this.observer.install(server));
  }

  /**
   * Runs instead of Nest's own signal handling (main.ts): Nest would first stop Apollo, whose HTTP-server drain
   * plugin closes the server and cuts every connection after a fixed 10 s, whatever is in flight.
   */
  handleSignals(app: INestApplication): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void (async () => {
          await this.drain(signal);
          await app.close();
          process.exit(0);
        })().catch((error: unknown) => {
          this.log.logger.error({ error: (error as Error)?.name ?? 'Error' }, 'shutdown failed');
          process.exit(1);
        });
      });
    }
  }

  /** Stops accepting connections and waits for the requests in flight, up to the drain time; then cuts the rest. */
  async drain(signal?: string): Promise<void> {
    this.draining = true;
    const log = this.log.logger;
    const server = this.server;
    if (!server?.listening) return;
    const drainMs = shutdownDrainMs();
    log.info({ signal: signal ?? null, inFlight: this.observer.requestsInFlight, drainSeconds: drainMs / 1000 }, 'shutdown: stopped accepting connections, draining requests in flight');
    server.close();
    server.closeIdleConnections();
    const drained = await this.observer.whenIdle(drainMs);
    if (drained) {
      log.info('shutdown: every request in flight finished');
    } else {
      log.warn({ cut: this.observer.requestsInFlight }, 'shutdown: drain time over, cutting the requests still in flight');
      this.observer.markCut();
      server.closeAllConnections();
      await this.observer.whenIdle(1000);
    }
    server.closeIdleConnections();
  }

  /** After the drain (or at once, for app.close() in tests and the CLI): nothing is in flight any more. */
  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      this.log.logger.info('shutdown: database closed');
    }
  }
}
