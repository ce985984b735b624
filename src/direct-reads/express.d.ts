// The one piece of Express used directly (the app otherwise reaches Express through Nest's adapter).
declare module 'express' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export function json(options?: Record<string, unknown>): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}
