import { foldKey } from '../common/text';

/** The key under which a source's name or alias is matched; a leading "the" is not part of a name. */
export function sourceNameKey(name: string): string {
  return foldKey(name).replace(/^the /, '');
}
