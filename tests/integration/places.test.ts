import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { administrativeUnits } from "@/db/schema/places";
import { administrativeUnitRows, seedAdministrativeUnits } from "@/db/seed/places";
import { communesOf, forgetPlaces, listProvinces, placesForForms, unitNames } from "@/lib/places/service";
import { openTestDatabase } from "../support/database";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  forgetPlaces();
});

afterAll(async () => {
  forgetPlaces();
  await close();
});

describe("administrative units", () => {
  it("has none before the seed, and says a province's communes are unknown", async () => {
    expect(await listProvinces()).toEqual([]);
    expect(await communesOf("33")).toBeNull();
  });

  it("seeds the 34 provincial units and Hưng Yên's 104 communes once, when the table is empty", async () => {
    expect(await seedAdministrativeUnits(db)).toBe(138);
    expect(await seedAdministrativeUnits(db)).toBe(0);
    const [row] = await db.select({ n: count() }).from(administrativeUnits);
    expect(row!.n).toBe(138);
  });

  it("builds one row per code, every commune in Hưng Yên", async () => {
    const rows = administrativeUnitRows();
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(rows.filter((r) => r.level === "commune").every((r) => r.provinceCode === "33")).toBe(true);
  });

  it("lists the provinces alphabetically, without their kind counting", async () => {
    const provinces = await listProvinces();
    expect(provinces).toHaveLength(34);
    expect(provinces.find((p) => p.code === "33")).toMatchObject({
      name: "Tỉnh Hưng Yên",
      kind: "Tỉnh",
      level: "province",
      provinceCode: null,
    });
    expect(provinces.find((p) => p.code === "01")?.name).toBe("Thành phố Hà Nội");
    // "An Giang" comes first: "Thành phố" and "Tỉnh" are not part of the order.
    expect(provinces[0]!.name).toBe("Tỉnh An Giang");
  });

  it("gives Hưng Yên's wards and communes, and null for a province whose communes are not held", async () => {
    const communes = await communesOf("33");
    expect(communes).toHaveLength(104);
    expect(communes!.filter((c) => c.kind === "Phường")).toHaveLength(11);
    expect(communes!.find((c) => c.code === "11953")?.name).toBe("Phường Phố Hiến");
    expect(communes!.every((c) => c.provinceCode === "33" && c.level === "commune")).toBe(true);
    expect(await communesOf("01")).toBeNull();
    expect(await communesOf("99")).toBeNull();
  });

  it("names codes, leaving unknown ones out", async () => {
    const names = await unitNames(["33", "11953", "nope"]);
    expect([...names.entries()]).toEqual([
      ["33", "Tỉnh Hưng Yên"],
      ["11953", "Phường Phố Hiến"],
    ]);
  });

  it("gives the forms their lookups, read once and kept in memory", async () => {
    const places = await placesForForms();
    expect(places.provinceCodes).toHaveLength(34);
    expect(places.provinceCodes).toContain("33");
    expect(places.communesOf("33")).toHaveLength(104);
    expect(places.communesOf("33")).toContain("13225");
    expect(places.communesOf("01")).toBeNull();
    expect(places.names.get("13225")).toMatch(/^Phường /);
    // The table does not change while the server runs: a second call is the same object.
    await db.delete(administrativeUnits);
    expect(await placesForForms()).toBe(places);
  });
});
