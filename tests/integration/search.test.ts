import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { agencies, procedureAgencies, procedures } from "@/db/schema";
import type { Db } from "@/db/client";
import { agencyRows, agencySeeds, type AgencyKey } from "@/db/seed/agencies";
import { procedureAgencyRows, seedProcedures } from "@/db/seed/procedures";
import { tagCatalogueIfUntagged, tagDemoCatalogue } from "@/db/seed/lifeEvents";
import {
  lifeEventCounts,
  proceduresOfLifeEvent,
  refreshSearchText,
  searchProcedures,
} from "@/lib/catalog/service";
import { lifeEventSlugs } from "@/lib/catalog/lifeEvents";
import { openTestDatabase } from "../support/database";

/*
 * The search over the demo's 12 real procedures, with the seed's agencies and the seed's mapping of
 * audiences and life events: what a reader types (typos, accents or none, English) finds the right
 * procedure first.
 */

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const agencyIds = Object.fromEntries(agencySeeds.map((a) => [a.key, crypto.randomUUID()])) as Record<
    AgencyKey,
    string
  >;
  await db.insert(agencies).values(agencyRows(agencyIds));
  const rows = await db
    .insert(procedures)
    .values(seedProcedures.map((p) => p.row))
    .returning({ id: procedures.id, code: procedures.code });
  const procedureIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  await db.insert(procedureAgencies).values(procedureAgencyRows(procedureIds, agencyIds));
  await tagDemoCatalogue(db);
});

afterAll(async () => {
  await close();
});

const first = async (q: string) => (await searchProcedures({ q })).rows[0]?.code;
const codes = (page: { rows: { code: string }[] }) => page.rows.map((row) => row.code).sort();

describe("the search finds the right procedure first", () => {
  it.each([
    ["khai sinh", "1.001193"],
    ["Đăng ký khai sinh", "1.001193"],
    ["khai sin", "1.001193"],
    ["dang ky ket hon", "1.000894"],
    ["đăng kí kết hôn", "1.000894"],
    ["giay phep xay dung", "1.013225"],
    ["GIẤY PHÉP XÂY DỰNG", "1.013225"],
    ["lý lịch tư pháp", "3.000333"],
    ["ly lich tu phap", "3.000333"],
    ["birth", "1.001193"],
    ["marrige", "1.000894"],
    ["mariage registration", "1.000894"],
    ["judicial record", "3.000333"],
    ["construction permit", "1.013225"],
    ["thuong tru", "1.004222"],
    ["tạm trú", "1.004194"],
    ["1.001193", "1.001193"],
    ["2.001583", "2.001583"],
    // An agency's name: judicial records are issued by the provincial police.
    ["cong an tinh", "3.000333"],
    // Most of the words are enough: "cho con" is in no procedure's text.
    ["dang ky khai sinh cho con", "1.001193"],
  ])("%s → %s", async (q, code) => {
    expect(await first(q)).toBe(code);
  });

  it("says when it found close matches rather than the words as typed", async () => {
    expect((await searchProcedures({ q: "marrige" })).approximate).toBe(true);
    expect((await searchProcedures({ q: "ket hon" })).approximate).toBe(false);
  });

  it("ranks the exact code above procedures whose code merely begins alike", async () => {
    const page = await searchProcedures({ q: "1.00" });
    expect(page.total).toBeGreaterThan(1);
    expect(page.rows.every((row) => row.code.startsWith("1.00"))).toBe(true);
  });

  it("finds short words as word beginnings, and never everything for punctuation", async () => {
    const ho = await searchProcedures({ q: "ho" });
    expect(ho.total).toBeGreaterThan(0);
    expect(ho.total).toBeLessThan(seedProcedures.length);
    expect((await searchProcedures({ q: "%" })).total).toBe(0);
    expect((await searchProcedures({ q: "zzzz qqqq" })).total).toBe(0);
  });

  it("finds no exact match for a query mixing two procedures' words", async () => {
    const mixed = await searchProcedures({ q: "khai sinh ket hon" });
    expect(mixed.total === 0 || mixed.approximate).toBe(true);
    expect(mixed.total).toBeLessThanOrEqual(1);
  });
});

describe("filters", () => {
  it("by audience", async () => {
    expect(codes(await searchProcedures({ audience: "business" }))).toEqual([
      "1.013225",
      "2.000815",
      "2.001583",
      "2.001610",
    ]);
    expect((await searchProcedures({ audience: "citizen" })).total).toBe(10);
  });

  it("by online level", async () => {
    const whole = await searchProcedures({ onlineLevel: "whole", pageSize: 100 });
    const partial = await searchProcedures({ onlineLevel: "partial", pageSize: 100 });
    expect(whole.total + partial.total).toBe(seedProcedures.length);
    expect(codes(partial)).toContain("1.013225");
  });

  it("by life event, with a query and with another filter", async () => {
    expect(codes(await searchProcedures({ lifeEvent: "birth" }))).toEqual(["1.001193", "1.004222"]);
    expect(codes(await searchProcedures({ lifeEvent: "business-start", audience: "business" }))).toEqual([
      "2.001583",
      "2.001610",
    ]);
    expect(codes(await searchProcedures({ lifeEvent: "residence", q: "tam tru" }))).toEqual(["1.004194"]);
    expect((await searchProcedures({ lifeEvent: "death", q: "ket hon" })).total).toBe(0);
  });
});

describe("life events", () => {
  it("every event has procedures, counted", async () => {
    const counts = await lifeEventCounts();
    for (const slug of lifeEventSlugs) expect(counts[slug], slug).toBeGreaterThan(0);
    expect(counts["business-start"]).toBe(3);
  });

  it("lists an event's procedures, the featured first", async () => {
    expect((await proceduresOfLifeEvent("birth")).map((p) => p.code)).toEqual(["1.001193", "1.004222"]);
    expect(await proceduresOfLifeEvent("no-such-event")).toEqual([]);
  });

  it("tags an older database once, and leaves a tagged one alone", async () => {
    await db.update(procedures).set({ lifeEvents: [], audiences: ["citizen"] });
    expect(await tagCatalogueIfUntagged(db)).toBe(true);
    expect((await proceduresOfLifeEvent("building")).map((p) => p.code)).toEqual(["1.013225"]);
    expect(await tagCatalogueIfUntagged(db)).toBe(false);
  });

  it("writes search texts that name the province-level agencies but not every commune", async () => {
    await refreshSearchText(db);
    const [judicial] = await db
      .select({ text: procedures.searchText })
      .from(procedures)
      .where(eq(procedures.code, "3.000333"));
    expect(judicial!.text).toContain("cong an tinh hung yen");
    expect(judicial!.text).toContain("3.000333");
  });
});
