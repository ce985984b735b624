import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Runs `front` for every request before the application the server was made with (Express, under
 * Nest); `front` hands the request on with `pass`, or answers it itself and never calls it.
 */
export function putInFront<Req extends IncomingMessage = IncomingMessage>(server: Server, front: (req: Req, res: ServerResponse, pass: () => void) => void): void {
  const application = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: Req, res: ServerResponse) =>
    front(req, res, () => {
      for (const listener of application) listener.call(server, req, res);
    }),
  );
}
