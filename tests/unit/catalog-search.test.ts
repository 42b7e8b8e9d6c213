import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  queryWords,
  readQuery,
  requiredMatches,
  searchTextOf,
  searchTextSeparator,
} from "@/lib/catalog/search";
import { isAudience, isLifeEvent, lifeEventSlugs, lifeEventText } from "@/lib/catalog/lifeEvents";
import { parseCatalogueQuery } from "@/lib/catalog/schema";
import { demoProcedureTags } from "@/db/seed/data/lifeEvents";
import source from "@/db/seed/data/procedures.json";

describe("query folding", () => {
  it.each([
    ["Đăng ký khai sinh", ["dang", "ky", "khai", "sinh"]],
    ["  LÝ LỊCH   tư pháp ", ["ly", "lich", "tu", "phap"]],
    ["1.001193", ["1.001193"]],
    ["giấy phép (xây dựng)!", ["giay", "phep", "xay", "dung"]],
    ["%", []],
    ["_ %", []],
    ["", []],
  ])("%s → %j", (q, words) => {
    expect(queryWords(q)).toEqual(words);
  });

  it("folds composed and decomposed Vietnamese alike", () => {
    expect(queryWords("kết hôn".normalize("NFD"))).toEqual(queryWords("kết hôn".normalize("NFC")));
  });

  it("keeps at most ten words", () => {
    expect(queryWords("a b c d e f g h i j k l")).toHaveLength(10);
  });
});

describe("reading a query", () => {
  it("matches long words by similarity and most of them", () => {
    expect(readQuery("dang ky ket hon")).toEqual({
      text: "dang ky ket hon",
      fuzzy: ["dang", "ket", "hon"],
      required: 2,
      prefixes: [],
      code: "dang ky ket hon",
    });
  });

  it("falls back to word beginnings when every word is short", () => {
    expect(readQuery("hộ")).toMatchObject({ fuzzy: [], prefixes: ["ho"] });
    expect(readQuery("ly tu")).toMatchObject({ fuzzy: [], prefixes: ["ly", "tu"] });
  });

  it("reads nothing from punctuation", () => {
    expect(readQuery("%")).toBeNull();
    expect(readQuery("   ")).toBeNull();
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [6, 4],
  ])("of %i long words, %i must match", (n, required) => {
    expect(requiredMatches(n)).toBe(required);
  });
});

describe("search text", () => {
  const text = searchTextOf({
    code: "3.000333",
    nameVi: "Cấp Phiếu Lý lịch tư pháp",
    nameEn: "Judicial record certificate",
    fieldVi: "Lý lịch tư pháp",
    fieldEn: "Judicial records",
    agencyNames: ["Công an tỉnh Hưng Yên", "Hung Yen Provincial Police", "Công an tỉnh Hưng Yên"],
  });

  it("puts the names first, then the field, agencies and code, folded", () => {
    expect(text.split(searchTextSeparator)).toEqual([
      "cap phieu ly lich tu phap judicial record certificate",
      "ly lich tu phap judicial records",
      "cong an tinh hung yen hung yen provincial police",
      "3.000333",
    ]);
  });

  it("never lets a name contain the separator", () => {
    const odd = searchTextOf({ code: "1", nameVi: "a | b", nameEn: "", fieldVi: "", fieldEn: "" });
    expect(odd.split(searchTextSeparator)[0]).toBe("a b");
  });
});

describe("life events and audiences", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const catalog = (lang: string) =>
    JSON.parse(fs.readFileSync(path.join(root, "locales", lang, "catalog.json"), "utf8")) as {
      lifeEvents: { items: Record<string, Record<string, string>> };
    };

  it.each(["vi", "en"])("every event has a title, a one-sentence description and an intro in %s", (lang) => {
    const items = catalog(lang).lifeEvents.items;
    expect(Object.keys(items).sort()).toEqual([...lifeEventSlugs].sort());
    for (const slug of lifeEventSlugs) {
      const keys = lifeEventText(slug);
      expect(items[slug]![keys.title.split(".").pop()!], slug).toBeTruthy();
      const description = items[slug]!.description!;
      expect(description.split(/[.!?](\s|$)/).filter((s) => s.trim()).length, slug).toBe(1);
      expect(items[slug]!.intro, slug).toBeTruthy();
    }
  });

  it("maps each of the 12 demo procedures, with known audiences and events, every event used", () => {
    expect(Object.keys(demoProcedureTags).sort()).toEqual(
      source.procedures.map((p) => p.nationalCode).sort(),
    );
    const used = new Set<string>();
    for (const [code, tags] of Object.entries(demoProcedureTags)) {
      expect(tags.audiences.length, code).toBeGreaterThan(0);
      expect(tags.audiences.every(isAudience), code).toBe(true);
      expect(tags.lifeEvents.every(isLifeEvent), code).toBe(true);
      tags.lifeEvents.forEach((slug) => used.add(slug));
    }
    expect([...used].sort()).toEqual([...lifeEventSlugs].sort());
  });

  it("reads the filters from the URL and drops unknown values", () => {
    expect(parseCatalogueQuery({ audience: "business", online: "whole", event: "birth" })).toMatchObject({
      audience: "business",
      online: "whole",
      event: "birth",
    });
    expect(
      parseCatalogueQuery({ audience: "robots", online: ["partial", "whole"], event: "x" }),
    ).toMatchObject({
      audience: "",
      online: "partial",
      event: "",
    });
  });
});
