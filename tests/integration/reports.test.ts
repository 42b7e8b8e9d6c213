import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierEvents } from "@/db/schema";
import type { Db } from "@/db/client";
import { rebuildReportRollups } from "@/lib/reports/rollups";
import { getTransparencyReport, getYearToDateFigures } from "@/lib/reports/service";
import { openTestDatabase } from "../support/database";
import {
  birthRegistration,
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedureRow,
  justiceDepartment,
  tanHungCommune,
} from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
const vn = (local: string) => new Date(`${local}+07:00`);
const now = vn("2025-05-20T12:00:00");

type Step = [action: string, toStatus: string, at: string];

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const commune = await createAgency(db, tanHungCommune);
  const justice = await createAgency(db, justiceDepartment);
  const applicant = await createApplicant(db, "Nguyễn Văn A");
  const procedure = await createProcedureRow(db, {
    ...birthRegistration,
    places: [{ competentAgencyId: commune.id, receivingAgencyId: commune.id }],
  });

  let sequence = 0;
  async function file(options: {
    agency: string;
    channel: number;
    due?: string;
    supplements?: number;
    steps: Step[];
  }) {
    sequence += 1;
    const dossier = await createDossierRow(db, {
      code: `000.01.01.H22-250301-${String(sequence).padStart(4, "0")}`,
      status: options.steps.at(-1)![1],
      procedure,
      applicant,
      agencyId: commune.id,
      competentAgencyId: options.agency,
      channel: options.channel,
      dueAt: options.due ? vn(options.due) : null,
      supplementCount: options.supplements ?? 0,
    });
    await db.insert(dossierEvents).values([
      { dossierId: dossier.id, at: vn(options.steps[0]![2]), action: "submit", toStatus: "submitted" },
      ...options.steps.map(([action, toStatus, at]) => ({
        dossierId: dossier.id,
        at: vn(at),
        action,
        toStatus,
      })),
    ]);
  }

  const c = commune.id;
  // March: five accepted by the commune, three online.
  await file({
    agency: c,
    channel: 2,
    due: "2025-03-05T17:00:00",
    steps: [
      ["accept", "received", "2025-03-03T09:00:00"],
      ["approve", "done", "2025-03-04T10:00:00"],
      ["return_result", "returned", "2025-03-05T10:00:00"],
    ],
  });
  await file({
    agency: c,
    channel: 2,
    due: "2025-03-05T17:00:00",
    steps: [
      ["accept", "received", "2025-03-03T09:00:00"],
      ["approve", "done", "2025-03-07T10:00:00"],
    ],
  }); // late
  await file({
    agency: c,
    channel: 1,
    due: "2025-03-20T17:00:00",
    supplements: 2,
    steps: [
      ["accept", "received", "2025-03-10T09:00:00"],
      ["deny", "done", "2025-03-12T10:00:00"],
    ],
  }); // late: two supplements
  await file({
    agency: c,
    channel: 2,
    due: "2025-03-28T17:00:00",
    steps: [["accept", "received", "2025-03-25T09:00:00"]],
  }); // open, overdue at March's end
  await file({
    agency: c,
    channel: 1,
    due: "2025-04-04T17:00:00",
    steps: [
      ["accept", "received", "2025-03-31T09:00:00"],
      ["approve", "done", "2025-04-02T10:00:00"],
    ],
  }); // open on time at March's end; finished on time in April
  // Never accepted: refused at the desk in March; withdrawn before acceptance.
  await file({ agency: c, channel: 2, steps: [["refuse", "refused", "2025-03-11T09:00:00"]] });
  await file({ agency: c, channel: 2, steps: [["withdraw", "withdrawn", "2025-03-12T09:00:00"]] });
  // Accepted in March, withdrawn in April: open at March's end, neither open nor finished at April's.
  await file({
    agency: c,
    channel: 1,
    due: "2025-04-10T17:00:00",
    steps: [
      ["accept", "received", "2025-03-20T09:00:00"],
      ["withdraw", "withdrawn", "2025-04-01T09:00:00"],
    ],
  });
  // Justice: one dossier in April.
  await file({
    agency: justice.id,
    channel: 2,
    due: "2025-04-20T17:00:00",
    steps: [
      ["accept", "received", "2025-04-08T09:00:00"],
      ["stop", "stopped", "2025-04-09T10:00:00"],
    ],
  });
  // Before the window: ended in February, so it appears nowhere.
  await file({
    agency: c,
    channel: 1,
    due: "2025-02-20T17:00:00",
    steps: [
      ["accept", "received", "2025-02-10T09:00:00"],
      ["approve", "done", "2025-02-12T10:00:00"],
    ],
  }); // The history was written directly, not through the transition path that keeps the rollups.
  await rebuildReportRollups(db);
});

afterAll(async () => {
  await close();
});

async function report(query: { from: string; to: string; agencyCode?: string }) {
  const result = await getTransparencyReport(query, now);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("transparency report from dossier events", () => {
  it("counts one agency's month by the on-time rule", async () => {
    const value = await report({ from: "2025-03", to: "2025-03", agencyCode: "000.01.01.H22" });
    const march = value.byMonth[0]!.figures;
    expect(march).toMatchObject({
      received: 6,
      receivedOnline: 3,
      finished: 4, // two done, one denied, one refused at the desk (its first end event counts, not "returned")
      finishedOnTime: 2,
      finishedLate: 2,
      openAtEnd: 3,
      openOverdue: 1,
    });
    // (2 finished on time + 2 open not overdue) / (4 finished + 3 open)
    expect(march.onTimeShare).toBeCloseTo(4 / 7);
    expect(march.onlineShare).toBe(0.5);
  });

  it("gives each agency and month its own figures, and totals over the whole window", async () => {
    const value = await report({ from: "2025-03", to: "2025-04" });
    expect(value.months).toEqual(["2025-03", "2025-04"]);
    const cell = (code: string, month: string) =>
      value.cells.find((c) => c.agency.code === code && c.month === month)!.figures;
    expect(cell("000.01.01.H22", "2025-04")).toMatchObject({
      received: 0,
      finished: 1,
      finishedOnTime: 1,
      openAtEnd: 1,
      openOverdue: 1,
    });
    expect(cell("000.00.05.H22", "2025-04")).toMatchObject({
      received: 1,
      receivedOnline: 1,
      finished: 1,
      finishedOnTime: 1,
    });
    expect(cell("000.00.05.H22", "2025-03")).toMatchObject({ received: 0, finished: 0, openAtEnd: 0 });
    // Open dossiers are measured at the window's end, not summed month by month.
    expect(value.total).toMatchObject({
      received: 7,
      finished: 6,
      finishedOnTime: 4,
      finishedLate: 2,
      openAtEnd: 1,
      openOverdue: 1,
    });
    expect(value.byAgency.map((row) => [row.agency.code, row.figures.received])).toEqual([
      ["000.00.05.H22", 1],
      ["000.01.01.H22", 6],
    ]);
  });

  it("refuses an unknown agency", async () => {
    expect(
      await getTransparencyReport({ from: "2025-03", to: "2025-03", agencyCode: "999.99.99.H99" }, now),
    ).toEqual({
      ok: false,
      error: "unknown_agency",
    });
  });

  it("has null shares for a month with nothing in it", async () => {
    const value = await report({ from: "2025-01", to: "2025-01" });
    expect(value.total).toMatchObject({ received: 0, finished: 0, onTimeShare: null, onlineShare: null });
  });

  it("sums the year to date for the home page", async () => {
    const figures = await getYearToDateFigures(now);
    expect(figures).toMatchObject({ received: 8, finished: 7 });
  });
});
