import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "@/db/schema";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { monthOf } from "@/lib/reports/rules";
import { listQueue } from "@/lib/dossiers/service";
import { getTransparencyReport } from "@/lib/reports/service";
import { openTestDatabase } from "../support/database";
import { createStaff } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  await seedDemo(db);
});

afterAll(async () => {
  await close();
});

describe("one definition of overdue", () => {
  it("the transparency report and the officers' queue count the same overdue dossiers on the demo data", async () => {
    // An officer whose queue covers every agency: the queue then holds every submitted dossier.
    const all = await db.select({ id: agencies.id }).from(agencies);
    const everywhere = await createStaff(
      db,
      "Kiểm Tra Toàn Tỉnh",
      all.map((a) => ({ agencyId: a.id, role: "receiver" as const })),
    );
    const now = new Date();
    const month = monthOf(now);
    const [queue, report] = await Promise.all([
      listQueue(everywhere, { bucket: "overdue", pageSize: 200 }),
      getTransparencyReport({ from: month, to: month }, now),
    ]);
    if (!report.ok) throw new Error(report.error);

    // The demo data has overdue dossiers and dossiers waiting for the applicant past their date.
    expect(queue.counts.overdue).toBeGreaterThan(0);
    expect(queue.rows.every((row) => row.clockStoppedAt === null)).toBe(true);
    expect(report.value.total.openOverdue).toBe(queue.counts.overdue);
    expect(report.value.byMonth[0]!.figures.openOverdue).toBe(queue.counts.overdue);
    // Per agency too: the report groups by the deciding agency.
    const byAgency = new Map<string, number>();
    for (const row of queue.rows) {
      byAgency.set(row.competentAgency.code, (byAgency.get(row.competentAgency.code) ?? 0) + 1);
    }
    for (const { agency, figures } of report.value.byAgency) {
      expect([agency.code, figures.openOverdue]).toEqual([agency.code, byAgency.get(agency.code) ?? 0]);
    }
  });
});
