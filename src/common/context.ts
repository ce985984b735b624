import { Actor } from '../core/actor';
import { RequestLoaders } from './loaders';

export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
  loaders: RequestLoaders;
  /** Set by the AuthGuard before any resolver runs. */
  actor: Actor;
}
