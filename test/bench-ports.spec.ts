import { createServer, Server } from 'node:net';
import { freePort } from '../bench/free-port';

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('benchmark servers choose free ports', () => {
  it('a chosen port can be bound, and is not one that is already taken', async () => {
    const taken = await listen(0);
    const takenPort = (taken.address() as { port: number }).port;
    try {
      for (let i = 0; i < 3; i++) {
        const port = await freePort();
        expect(port).not.toBe(takenPort);
        const server = await listen(port); // throws EADDRINUSE if it was not free
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
