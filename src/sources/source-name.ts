import { foldKey } from '../common/text';

/** The key under which a source's name or alias is matched; a leading "the" is not part of a name. */
export function sourceNameKey(name: string): string {
  return foldKey(name).replace(/^the /, '');
}

/** What the unique `live_name_key` column holds: the name key of a live named source, NULL otherwise (source.entity.ts). */
export function liveNameKeyOf(source: { kind: string; nameKey: string; deletedAt?: Date | null }): string | null {
  return source.kind !== 'ANONYMOUS' && !source.deletedAt ? source.nameKey : null;
}
