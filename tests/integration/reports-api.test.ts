import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { dossierEvents } from "@/db/schema";
import type { Db } from "@/db/client";
import { GET } from "@/app/api/v1/reports/transparency.csv/route";
import { rebuildReportRollups } from "@/lib/reports/rollups";
import { monthOf, addMonths } from "@/lib/reports/rules";
import { openTestDatabase } from "../support/database";
import {
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedureRow,
  justiceDepartment,
} from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
const lastMonth = addMonths(monthOf(new Date()), -1);

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const agency = await createAgency(db, justiceDepartment);
  const applicant = await createApplicant(db, "Nguyễn Văn A");
  const procedure = await createProcedureRow(db, {
    code: "2.000305",
    nameVi: "Cấp Phiếu lý lịch tư pháp",
    nameEn: "Judicial record",
    fieldVi: "Lý lịch tư pháp",
    fieldEn: "Judicial records",
    level: "province",
    searchText: "cap phieu ly lich tu phap",
    timeLimitHours: { online: 80, desk: 80, post: null },
    places: [{ competentAgencyId: agency.id, receivingAgencyId: agency.id }],
  });
  const accepted = new Date(`${lastMonth}-10T09:00:00+07:00`);
  const dossier = await createDossierRow(db, {
    code: "000.00.05.H22-250310-0001",
    status: "done",
    procedure,
    applicant,
    agencyId: agency.id,
    dueAt: new Date(`${lastMonth}-20T17:00:00+07:00`),
  });
  await db.insert(dossierEvents).values([
    { dossierId: dossier.id, at: accepted, action: "accept", toStatus: "received" },
    {
      dossierId: dossier.id,
      at: new Date(`${lastMonth}-12T10:00:00+07:00`),
      action: "approve",
      toStatus: "done",
    },
  ]); // The history was written directly, not through the transition path that keeps the rollups.
  await rebuildReportRollups(db);
});

afterAll(async () => {
  await close();
});

const get = (query: string) =>
  GET(new NextRequest(`http://localhost/api/v1/reports/transparency.csv?${query}`));

describe("GET /api/v1/reports/transparency.csv", () => {
  it("sends the figures as a UTF-8 CSV attachment with a byte-order mark", async () => {
    const response = await get(`from=${lastMonth}&to=${lastMonth}&lang=vi`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="transparency-${lastMonth}-${lastMonth}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Mã cơ quan,Tên cơ quan,Kỳ,Tiếp nhận,Nộp trực tuyến,Đã giải quyết,Đúng hạn,Trễ hạn,Đang giải quyết cuối kỳ,Trong đó quá hạn,Tỷ lệ đúng hạn,Tỷ lệ trực tuyến",
    );
    // agency × month, month for all agencies, agency over the period, total
    expect(lines.slice(1)).toEqual([
      `000.00.05.H22,Sở Tư pháp,${lastMonth},1,1,1,1,0,0,0,1,1`,
      `,Tất cả cơ quan,${lastMonth},1,1,1,1,0,0,0,1,1`,
      `000.00.05.H22,Sở Tư pháp,${lastMonth}..${lastMonth},1,1,1,1,0,0,0,1,1`,
      `,Tất cả cơ quan,${lastMonth}..${lastMonth},1,1,1,1,0,0,0,1,1`,
    ]);
  });

  it("writes English headers and names, and filters by agency", async () => {
    const response = await get(`from=${lastMonth}&to=${lastMonth}&lang=en&agency=000.00.05.H22`);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    expect(text.startsWith("Agency code,Agency name,Period,Received,")).toBe(true);
    expect(text).toContain("Department of Justice");
    expect(response.headers.get("content-disposition")).toContain("transparency-000.00.05.H22-");
  });

  it.each([
    ["from=2025-13", { from: ["errors.month"] }],
    ["from=2025-05&to=2025-01", { to: ["errors.order"] }],
    ["to=2999-01", { to: ["errors.future"] }],
    ["from=2000-01&to=2025-01", { from: ["errors.tooLong"] }],
    ["agency=999.99.99.H99", { agency: ["errors.unknownAgency"] }],
    ["agency=%27%3B--", { agency: ["errors.agency"] }],
    ["lang=fr", { lang: ["errors.lang"] }],
  ])("answers %s with 400 JSON", async (query, issues) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_query", issues });
  });
});
