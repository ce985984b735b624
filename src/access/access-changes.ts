import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** The PostgreSQL channel on which instances tell each other that who may do what has changed. */
export const ACCESS_CHANNEL = 'claimdesk_access_changed';

/** How long to wait before listening again after the listening connection was lost. */
const RECONNECT_MS = 1000;

/**
 * Carries "keys, roles or users changed" between the instances that share one PostgreSQL
 * database, through LISTEN/NOTIFY, so that a revocation reaches every instance's actor cache at
 * once rather than when its entries expire. On SQLite there is one process: nothing to carry.
 * While the listening connection is down, notices can be missed; so every (re)connection counts
 * as a change, and the cache's expiry bounds what is missed in between.
 */
@Injectable()
export class AccessChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listeners: Array<() => void> = [];
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Tells the other instances (and, through its own LISTEN, this one again: harmless). */
  async publish(): Promise<void> {
    if (this.dataSource.options.type !== 'postgres') return;
    await this.dataSource.query('SELECT pg_notify($1, $2)', [ACCESS_CHANNEL, String(process.pid)]);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.dataSource.options.type === 'postgres') await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    this.client = client;
    client.on('notification', () => this.changed());
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
      this.changed();
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    Logger.warn('Lost the connection that listens for access changes; listening again', 'AccessChanges');
    this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
  }
}
