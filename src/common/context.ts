import { RequestLoaders } from './loaders';

export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
  loaders: RequestLoaders;
}
