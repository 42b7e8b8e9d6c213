/**
 * Pure rules of the administrative units (no I/O): their order in lists and what the forms need.
 */

export type AdministrativeUnit = {
  code: string;
  /** The official name with its kind: "Tỉnh Hưng Yên", "Phường Phố Hiến". */
  name: string;
  level: "province" | "commune";
  /** "Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu" */
  kind: string;
  /** A commune's province; null for a province. */
  provinceCode: string | null;
};

const collator = new Intl.Collator("vi", { sensitivity: "base" });

/** The name without its kind ("Tỉnh Hưng Yên" -> "Hưng Yên"), which lists are sorted by. */
export function bareName(unit: Pick<AdministrativeUnit, "name" | "kind">): string {
  return unit.name.startsWith(`${unit.kind} `) ? unit.name.slice(unit.kind.length + 1) : unit.name;
}

/** Alphabetical by name without the kind (so wards and communes mix), in Vietnamese order. */
export function byName(a: AdministrativeUnit, b: AdministrativeUnit): number {
  return collator.compare(bareName(a), bareName(b)) || a.code.localeCompare(b.code);
}

/**
 * What an address answer is checked against (lib/forms BuildOptions.places) and shown with: the
 * province codes, each province's commune codes (null when the table does not hold its communes:
 * the commune is then free text), and every unit's name by code.
 */
export type PlacesForForms = {
  provinceCodes: string[];
  communesOf(provinceCode: string): string[] | null;
  names: ReadonlyMap<string, string>;
};

/** The lookups for forms built from every unit (any order). */
export function placesFrom(units: readonly AdministrativeUnit[]): PlacesForForms {
  const sorted = [...units].sort(byName);
  const provinceCodes = sorted.filter((u) => u.level === "province").map((u) => u.code);
  const communes = new Map<string, string[]>();
  for (const unit of sorted) {
    if (unit.level !== "commune" || !unit.provinceCode) continue;
    const list = communes.get(unit.provinceCode) ?? [];
    list.push(unit.code);
    communes.set(unit.provinceCode, list);
  }
  const names = new Map(sorted.map((u) => [u.code, u.name]));
  return {
    provinceCodes,
    communesOf: (provinceCode) => communes.get(provinceCode) ?? null,
    names,
  };
}
