import "server-only";
import { getDb, type Queryable } from "@/db/client";
import { administrativeUnits } from "@/db/schema/places";
import { byName, placesFrom, type AdministrativeUnit, type PlacesForForms } from "./rules";

export type { AdministrativeUnit, PlacesForForms } from "./rules";

/**
 * The provinces and communes (administrative_units), read once per process and kept in memory: the
 * table is reference data that never changes while the server runs (db/seed/places.ts fills it).
 */

type Loaded = { units: AdministrativeUnit[]; byCode: Map<string, AdministrativeUnit>; forms: PlacesForForms };

let loading: Promise<Loaded> | null = null;

async function load(db: Queryable): Promise<Loaded> {
  const rows = await db.select().from(administrativeUnits);
  const units = rows
    .map((row): AdministrativeUnit => ({
      code: row.code,
      name: row.name,
      level: row.level === "province" ? "province" : "commune",
      kind: row.kind,
      provinceCode: row.provinceCode,
    }))
    .sort(byName);
  return { units, byCode: new Map(units.map((u) => [u.code, u])), forms: placesFrom(units) };
}

async function loaded(): Promise<Loaded> {
  if (!loading) {
    const promise = getDb().then(load);
    loading = promise;
    // A failed read is not kept: the next call tries again.
    promise.catch(() => {
      if (loading === promise) loading = null;
    });
  }
  const result = await loading;
  // An empty table (units not yet seeded) is not kept either.
  if (result.units.length === 0) loading = null;
  return result;
}

/** Forgets the units read (tests that open a new database in the same process). */
export function forgetPlaces(): void {
  loading = null;
}

/** The 34 provincial units, alphabetically. */
export async function listProvinces(): Promise<AdministrativeUnit[]> {
  return (await loaded()).units.filter((u) => u.level === "province");
}

/**
 * A province's communes, alphabetically; null when the table does not hold that province's
 * communes (only the demo province's are seeded) or the province does not exist.
 */
export async function communesOf(provinceCode: string): Promise<AdministrativeUnit[] | null> {
  const { units, forms } = await loaded();
  const codes = forms.communesOf(provinceCode);
  if (!codes) return null;
  return units.filter((u) => u.level === "commune" && u.provinceCode === provinceCode);
}

/** The names of the given unit codes (unknown codes are left out). */
export async function unitNames(codes: readonly string[]): Promise<Map<string, string>> {
  const { byCode } = await loaded();
  const names = new Map<string, string>();
  for (const code of codes) {
    const unit = byCode.get(code);
    if (unit) names.set(code, unit.name);
  }
  return names;
}

/** What lib/forms checks and shows address answers with (BuildOptions.places, display lookups). */
export async function placesForForms(): Promise<PlacesForForms> {
  return (await loaded()).forms;
}
