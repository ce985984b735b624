import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskModule } from '../src/desk/desk.module';

/** The desk's static files and client-side routes, without taking any of the API's paths. */
describe('serving the desk', () => {
  let app: INestApplication;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>desk</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    @Module({ imports: [DeskModule.register(dir)] })
    class Host {}
    app = await NestFactory.create(Host, { logger: false });
    await app.listen(0);
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and at client-side routes, never cached', async () => {
    for (const path of ['/', '/claims/0193', '/log']) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status, await res.text()]).toEqual([path, 200, '<!doctype html><title>desk</title>']);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const res = await fetch(`${base}/assets/index-abc.js`);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves the API paths alone', async () => {
    for (const path of ['/graphql', '/exports/claims.csv', '/imports', '/health', '/metrics']) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('serves nothing when there is no build', async () => {
    @Module({ imports: [DeskModule.register(join(dir, 'missing'))] })
    class Bare {}
    const bare = await NestFactory.create(Bare, { logger: false });
    await bare.listen(0);
    const res = await fetch(`${await bare.getUrl()}/`);
    await bare.close();
    expect(res.status).toBe(404);
  });
});
