import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, procedureAgencies, procedures, procedureVersions } from "@/db/schema";
import type { Db } from "@/db/client";
import {
  getProcedureByCode,
  listCatalogueAgencies,
  listFields,
  popularProcedures,
  searchProcedures,
} from "@/lib/catalog/service";
import { searchable } from "@/lib/text/normalize";
import { openTestDatabase } from "../support/database";

let db: Db;
let close: () => Promise<void>;

const catalogue = [
  {
    code: "1.001193",
    nameVi: "Thủ tục đăng ký khai sinh",
    nameEn: "Birth registration",
    fieldVi: "Hộ tịch",
    fieldEn: "Civil status",
    level: "commune",
    popularRank: 1,
  },
  {
    code: "1.000894",
    nameVi: "Thủ tục đăng ký kết hôn",
    nameEn: "Marriage registration",
    fieldVi: "Hộ tịch",
    fieldEn: "Civil status",
    level: "commune",
    popularRank: 2,
  },
  {
    code: "2.000305",
    nameVi: "Cấp Phiếu lý lịch tư pháp cho công dân",
    nameEn: "Judicial record certificate",
    fieldVi: "Lý lịch tư pháp",
    fieldEn: "Judicial records",
    level: "province",
    popularRank: null,
  },
  {
    code: "1.009794",
    nameVi: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
    nameEn: "Building permit for a private house",
    fieldVi: "Xây dựng",
    fieldEn: "Construction",
    level: "province",
    popularRank: 3,
  },
];

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const [commune, justice, centre] = await db
    .insert(agencies)
    .values([
      {
        code: "000.01.01.H22",
        nameVi: "UBND xã Tân Hưng",
        nameEn: "Tân Hưng Commune People's Committee",
        kind: "commune_committee",
      },
      { code: "000.00.05.H22", nameVi: "Sở Tư pháp", nameEn: "Department of Justice", kind: "department" },
      {
        code: "000.00.01.H22",
        nameVi: "Trung tâm Phục vụ hành chính công tỉnh",
        nameEn: "Provincial Public Service Centre",
        kind: "province_centre",
      },
    ])
    .returning();
  const rows = await db
    .insert(procedures)
    .values(
      catalogue.map((p) => ({
        ...p,
        onlineLevel: p.level === "commune" ? "whole" : "partial",
        searchText: searchable([p.code, p.nameVi, p.nameEn, p.fieldVi, p.fieldEn].join(" ")),
      })),
    )
    .returning();
  const byCode = new Map(rows.map((row) => [row.code, row]));
  await db.insert(procedureAgencies).values([
    {
      procedureId: byCode.get("1.001193")!.id,
      competentAgencyId: commune!.id,
      receivingAgencyId: commune!.id,
    },
    {
      procedureId: byCode.get("1.000894")!.id,
      competentAgencyId: commune!.id,
      receivingAgencyId: commune!.id,
    },
    {
      procedureId: byCode.get("2.000305")!.id,
      competentAgencyId: justice!.id,
      receivingAgencyId: centre!.id,
    },
  ]);
  const common = {
    timeLimitHours: { online: 8, desk: 8, post: 8 },
    documents: [
      {
        key: "birth-certificate",
        name: { vi: "Giấy chứng sinh", en: "Birth certificate" },
        required: true,
        originals: 1,
        copies: 0,
      },
    ],
    form: { pages: [] },
    details: {
      targetGroups: [],
      channels: ["online" as const, "desk" as const],
      result: { vi: "Giấy khai sinh", en: "Birth certificate" },
      legalBasis: [],
    },
  };
  await db.insert(procedureVersions).values([
    {
      procedureId: byCode.get("1.001193")!.id,
      version: 1,
      isCurrent: false,
      decisionNo: "old",
      fees: [],
      ...common,
    },
    {
      procedureId: byCode.get("1.001193")!.id,
      version: 2,
      isCurrent: true,
      decisionNo: "163/QĐ-BTP",
      fees: [{ channel: "online", amountVnd: 0, asPublished: "Miễn phí" }],
      ...common,
    },
  ]);
});

afterAll(async () => {
  await close();
});

const codes = (page: { rows: { code: string }[] }) => page.rows.map((row) => row.code).sort();

describe("catalogue search ignores Vietnamese accents", () => {
  it('"khai sinh" finds "Đăng ký khai sinh" and nothing else', async () => {
    const page = await searchProcedures({ q: "khai sinh" });
    expect(codes(page)).toEqual(["1.001193"]);
    expect(page.total).toBe(1);
  });

  it.each(["dang ky", "ĐĂNG KÝ", "Đăng ký"])('"%s" finds both registrations', async (q) => {
    expect(codes(await searchProcedures({ q }))).toEqual(["1.000894", "1.001193"]);
  });

  it("needs most of the words, in any order (tests/integration/search.test.ts has the ranking)", async () => {
    expect(codes(await searchProcedures({ q: "ket hon dang ky" }))).toEqual(["1.000894"]);
    const mixed = await searchProcedures({ q: "khai sinh ket hon" });
    expect(mixed.total === 0 || mixed.approximate).toBe(true);
  });

  it("finds by English name and by code", async () => {
    expect(codes(await searchProcedures({ q: "building permit" }))).toEqual(["1.009794"]);
    expect(codes(await searchProcedures({ q: "2.000305" }))).toEqual(["2.000305"]);
  });

  it("treats % and _ literally", async () => {
    expect((await searchProcedures({ q: "%" })).total).toBe(0);
    expect((await searchProcedures({ q: "_" })).total).toBe(0);
  });

  it("lists everything, popular first, without a query", async () => {
    const page = await searchProcedures({});
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.code).slice(0, 3)).toEqual(["1.001193", "1.000894", "1.009794"]);
  });

  it("pages results and still counts them all", async () => {
    const first = await searchProcedures({ pageSize: 3 });
    const second = await searchProcedures({ pageSize: 3, page: 2 });
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(second.total).toBe(4);
    expect((await searchProcedures({ pageSize: 3, page: 5 })).total).toBe(4);
  });
});

describe("catalogue filters", () => {
  it("filters by field", async () => {
    expect(codes(await searchProcedures({ field: "Hộ tịch" }))).toEqual(["1.000894", "1.001193"]);
    expect(codes(await searchProcedures({ field: "Hộ tịch", q: "ket hon" }))).toEqual(["1.000894"]);
  });

  it("filters by the agency that decides or receives", async () => {
    expect(codes(await searchProcedures({ agency: "000.00.05.H22" }))).toEqual(["2.000305"]);
    expect(codes(await searchProcedures({ agency: "000.00.01.H22" }))).toEqual(["2.000305"]);
    expect(codes(await searchProcedures({ agency: "000.01.01.H22", q: "khai sinh" }))).toEqual(["1.001193"]);
    expect((await searchProcedures({ agency: "999.99.99.H99" })).total).toBe(0);
  });

  it("offers the fields and agencies of the catalogue", async () => {
    expect((await listFields()).map((f) => f.fieldVi)).toEqual(["Hộ tịch", "Lý lịch tư pháp", "Xây dựng"]);
    expect((await listCatalogueAgencies()).map((a) => a.code).sort()).toEqual([
      "000.00.01.H22",
      "000.00.05.H22",
      "000.01.01.H22",
    ]);
  });
});

describe("procedure page data", () => {
  it("returns the current version and the agencies", async () => {
    const procedure = await getProcedureByCode("1.001193");
    expect(procedure?.version).toMatchObject({ version: 2, decisionNo: "163/QĐ-BTP" });
    expect(procedure?.agencies.map((a) => a.competent.code)).toEqual(["000.01.01.H22"]);
  });

  it("returns null for an unknown code or a procedure without a current version", async () => {
    expect(await getProcedureByCode("9.999999")).toBeNull();
    expect(await getProcedureByCode("2.000305")).toBeNull();
  });

  it("lists popular procedures in their order", async () => {
    expect((await popularProcedures(2)).map((p) => p.code)).toEqual(["1.001193", "1.000894"]);
  });
});
