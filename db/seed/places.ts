import { count } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { administrativeUnits } from "@/db/schema/places";
import communes from "./data/communes-hung-yen.json";
import provinces from "./data/provinces.json";

/**
 * The administrative units in force since 1 July 2025 (Decision 19/2025/QĐ-TTg): the 34 provincial
 * units and the demo province's communes (Hưng Yên, code 33: 104 wards and communes), copied from
 * the reference data (./data/provinces.json, ./data/communes-hung-yen.json, with their sources).
 * Reference data, not demo data: every database gets them, the demo seed or not (db/startup.ts).
 */

type UnitRow = typeof administrativeUnits.$inferInsert;

const kindOf: Record<string, string> = {
  "thanh-pho-truc-thuoc-trung-uong": "Thành phố",
  tinh: "Tỉnh",
  phuong: "Phường",
  xa: "Xã",
  "dac-khu": "Đặc khu",
};

function kind(type: string, code: string): string {
  const word = kindOf[type];
  if (!word) throw new Error(`Administrative unit ${code}: unknown type "${type}"`);
  return word;
}

/**
 * The rows, with the changes made since July 2025 that are in force on `on` (Đồng Nai became a
 * centrally governed city on 30 April 2026).
 */
export function administrativeUnitRows(on: Date = new Date()): UnitRow[] {
  const day = on.toISOString().slice(0, 10);
  const provinceRows = provinces.map((province): UnitRow => {
    const latest = (province.laterChanges ?? [])
      .filter((change) => change.effectiveFrom <= day)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .at(-1);
    const current = latest ?? province;
    return {
      code: province.code,
      name: current.name,
      level: "province",
      kind: kind(current.type, province.code),
      provinceCode: null,
    };
  });
  const communeRows = communes.map((commune): UnitRow => ({
    code: commune.code,
    name: commune.name,
    level: "commune",
    kind: kind(commune.type, commune.code),
    provinceCode: commune.provinceCode,
  }));
  return [...provinceRows, ...communeRows];
}

/**
 * Inserts the units when the table is empty (a new database, or one seeded before the table
 * existed); an existing row is never changed. Returns how many rows were inserted.
 */
export async function seedAdministrativeUnits(db: Queryable, on: Date = new Date()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(administrativeUnits);
  if ((row?.n ?? 0) > 0) return 0;
  const rows = administrativeUnitRows(on);
  await db.insert(administrativeUnits).values(rows).onConflictDoNothing({ target: administrativeUnits.code });
  return rows.length;
}
