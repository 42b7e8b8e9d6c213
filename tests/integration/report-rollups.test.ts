import { and, asc, eq, inArray, min, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dossierEvents, dossiers, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { getProcedureVersion } from "@/lib/catalog/service";
import { publishDecision } from "@/lib/decisions/service";
import {
  addAttachment,
  performStaffAction,
  submitDossier,
  supplementDossier,
  withdrawDossier,
} from "@/lib/dossiers/service";
import type { StaffActionCommand } from "@/lib/dossiers/schema";
import { localDate } from "@/lib/calendar/rules";
import { actorForUser } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { hasHistoryAfter } from "@/lib/reports/rollups";
import { maxReportMonths, monthOf, monthsBetween } from "@/lib/reports/rules";
import {
  getTransparencyReport,
  getTransparencyReportFromEvents,
  getYearToDateFigures,
  getYearToDateFiguresFromEvents,
} from "@/lib/reports/service";
import { openTestDatabase } from "../support/database";
import { pdfBytes, switchToTemporaryDataDir } from "../support/fixtures";

/*
 * The rollups must give exactly what the direct aggregate over every dossier's events gives: on the
 * demo data (rebuilt by the seed), and after each kind of transition (kept by the transition path).
 */

let db: Db;
let close: () => Promise<void>;
let cleanFiles: () => void;
const actors = {} as Record<"citizen" | "receiver" | "specialist" | "head", Actor>;

beforeAll(async () => {
  cleanFiles = switchToTemporaryDataDir();
  ({ db, close } = await openTestDatabase());
  await seedDemo(db);
  for (const key of ["citizen", "receiver", "specialist", "head"] as const) {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `${key}@demo.hungyen.gov.vn`));
    actors[key] = await actorForUser(user!.id);
  }
});

afterAll(async () => {
  await close();
  cleanFiles();
});

/** Every month of the history, per agency and for all, and the year to date: rollups = events. */
async function expectRollupsEqualEvents() {
  const now = new Date(Date.now() + 1);
  // Otherwise the reports would answer from the events themselves and prove nothing.
  expect(await hasHistoryAfter(db, now)).toBe(false);
  const [first] = await db.select({ at: min(dossierEvents.at) }).from(dossierEvents);
  const months = monthsBetween(monthOf(first!.at!), monthOf(now));
  const windows: { from: string; to: string }[] = [];
  for (let i = 0; i < months.length; i += maxReportMonths) {
    windows.push({ from: months[i]!, to: months.slice(i, i + maxReportMonths).at(-1)! });
  }
  const all = await getTransparencyReportFromEvents(windows[0]!, now);
  if (!all.ok) throw new Error(all.error);
  const codes = [undefined, ...all.value.agencies.map((agency) => agency.code)];
  for (const window of windows) {
    for (const agencyCode of codes) {
      const query = { ...window, agencyCode };
      const [fromRollups, fromEvents] = await Promise.all([
        getTransparencyReport(query, now),
        getTransparencyReportFromEvents(query, now),
      ]);
      expect(fromRollups, `${window.from}…${window.to} ${agencyCode ?? "all"}`).toEqual(fromEvents);
    }
  }
  // Single months too: each ends at its own month end (or now).
  for (const month of months.slice(-3)) {
    expect(await getTransparencyReport({ from: month, to: month }, now)).toEqual(
      await getTransparencyReportFromEvents({ from: month, to: month }, now),
    );
  }
  expect(await getYearToDateFigures(now)).toEqual(await getYearToDateFiguresFromEvents(now));
  return all.value;
}

type Candidate = { id: string; code: string | null; version: number };

/** Dossiers in these states, accepted longest ago first (so past month ends are concerned). */
async function candidates(statuses: string[], applicantId?: string): Promise<Candidate[]> {
  return db
    .select({ id: dossiers.id, code: dossiers.code, version: dossiers.version })
    .from(dossiers)
    .where(
      and(
        inArray(dossiers.status, statuses),
        applicantId ? eq(dossiers.applicantId, applicantId) : undefined,
      ),
    )
    .orderBy(sql`${dossiers.acceptedAt} asc nulls last`, asc(dossiers.code));
}

/** Takes the action on the first candidate that allows it; fails when none does. */
async function act(
  statuses: string[],
  attempt: (dossier: Candidate) => Promise<{ ok: boolean }>,
  applicantId?: string,
): Promise<void> {
  for (const dossier of await candidates(statuses, applicantId)) {
    if ((await attempt(dossier)).ok) return;
  }
  throw new Error(`no dossier in ${statuses.join(", ")} allowed the action`);
}

const staff = (who: keyof typeof actors, command: Record<string, unknown>) => (dossier: Candidate) =>
  performStaffAction(actors[who], {
    ...command,
    code: dossier.code!,
    version: dossier.version,
  } as StaffActionCommand);

const userId = (actor: Actor) => (actor.kind === "anonymous" ? "" : actor.userId);

describe("report rollups", () => {
  it("equal the direct aggregate on every month of the demo data, per agency and for all", async () => {
    const report = await expectRollupsEqualEvents();
    // The demo data has something to compare: accepted, finished and overdue dossiers.
    expect(report.total.received).toBeGreaterThan(0);
  });

  it("stay equal after each kind of transition", async () => {
    const { citizen, specialist } = actors;

    // submit: the citizen's draft, answered like a filed dossier of its procedure, with its documents.
    const [draft] = await db
      .select({ id: dossiers.id, versionId: dossiers.procedureVersionId })
      .from(dossiers)
      .where(and(eq(dossiers.status, "draft"), eq(dossiers.applicantId, userId(citizen))));
    const [filed] = await db
      .select({ formData: dossiers.formData })
      .from(dossiers)
      .where(and(eq(dossiers.procedureVersionId, draft!.versionId), sql`${dossiers.status} <> 'draft'`))
      .limit(1);
    await db.update(dossiers).set({ formData: filed!.formData }).where(eq(dossiers.id, draft!.id));
    const version = await getProcedureVersion(draft!.versionId);
    for (const document of version!.documents.filter((d) => d.required)) {
      const added = await addAttachment(citizen, {
        dossierId: draft!.id,
        documentKey: document.key,
        fileName: "giấy tờ.pdf",
        bytes: pdfBytes(),
      });
      expect(added.ok).toBe(true);
    }
    expect((await submitDossier(citizen, { dossierId: draft!.id })).ok).toBe(true);
    await expectRollupsEqualEvents();

    const steps: [string, () => Promise<void>][] = [
      ["accept", () => act(["submitted"], staff("receiver", { action: "accept" }))],
      [
        "request_supplement",
        () =>
          act(["in_progress"], (d) =>
            staff("head", { action: "request_supplement", comment: "Thiếu bản sao" })(d).then((r) =>
              r.ok ? r : staff("specialist", { action: "request_supplement", comment: "Thiếu bản sao" })(d),
            ),
          ),
      ],
      [
        "supplement",
        () =>
          act(
            ["supplement_requested"],
            (d) => supplementDossier(citizen, { dossierId: d.id, version: d.version, comment: "Đã bổ sung" }),
            userId(citizen),
          ),
      ],
      [
        "refuse",
        () => act(["submitted"], staff("receiver", { action: "refuse", comment: "Sai thẩm quyền" })),
      ],
      [
        "assign",
        () => act(["received"], staff("receiver", { action: "assign", assigneeId: userId(specialist) })),
      ],
      [
        "propose",
        () =>
          act(
            ["in_progress"],
            staff("specialist", { action: "propose", proposal: "approve", comment: "Đủ điều kiện" }),
          ),
      ],
      ["approve", () => act(["proposed"], staff("head", { action: "approve" }))],
      [
        "deny",
        async () => {
          await act(
            ["in_progress"],
            staff("specialist", { action: "propose", proposal: "deny", comment: "Không đủ điều kiện" }),
          );
          await act(["proposed"], staff("head", { action: "deny", comment: "Không đủ điều kiện" }));
        },
      ],
      ["return_result", () => act(["done"], staff("receiver", { action: "return_result" }))],
      // Stopping a dossier waiting for documents moves its due date: past month ends are corrected.
      [
        "stop",
        () =>
          act(
            ["supplement_requested", "in_progress"],
            staff("head", { action: "stop", comment: "Dừng xử lý" }),
          ),
      ],
      [
        "withdraw",
        () =>
          act(
            ["in_progress", "received", "supplement_requested", "submitted"],
            (d) => withdrawDossier(citizen, { dossierId: d.id, version: d.version }),
            userId(citizen),
          ),
      ],
      [
        "publish_decision",
        () =>
          act(["done", "returned"], (d) =>
            publishDecision(actors.head, {
              dossierCode: d.code!,
              number: "15/QĐ-UBND",
              issuedOn: localDate(new Date()),
              summaryVi: "Chấp thuận.",
              summaryEn: "Approved.",
            }),
          ),
      ],
    ];
    for (const [action, step] of steps) {
      const before = await db.select({ n: sql<number>`count(*)::int` }).from(dossierEvents);
      await step();
      const after = await db.select({ n: sql<number>`count(*)::int` }).from(dossierEvents);
      expect(after[0]!.n, action).toBeGreaterThan(before[0]!.n);
      await expectRollupsEqualEvents();
    }
  });

  it("corrects past month ends when a dossier accepted months ago is asked for documents, then stopped", async () => {
    // The figures measure what was open at a past month end by its due date and supplement count as
    // they are now: a request for documents counts one more, stopping extends the due date.
    const thisMonth = new Date(`${monthOf(new Date())}-01T00:00:00+07:00`);
    const old = await db
      .select({ id: dossiers.id, code: dossiers.code, version: dossiers.version })
      .from(dossiers)
      .where(and(eq(dossiers.status, "in_progress"), sql`${dossiers.acceptedAt} < ${thisMonth}`))
      .orderBy(asc(dossiers.acceptedAt));
    let asked: Candidate | null = null;
    for (const dossier of old) {
      const result = await staff("head", { action: "request_supplement", comment: "Thiếu bản sao" })(dossier);
      if (result.ok) {
        asked = { ...dossier, version: result.value.version };
        break;
      }
    }
    expect(asked).not.toBeNull();
    await expectRollupsEqualEvents();
    expect((await staff("head", { action: "stop", comment: "Dừng xử lý" })(asked!)).ok).toBe(true);
    await expectRollupsEqualEvents();
  });

  it("count every one of concurrent transitions on the same day's rows", async () => {
    // On a PostgreSQL server these run at once on the pool's connections: the upserts must add up.
    const waiting = await candidates(["submitted", "proposed"]);
    const results = await Promise.all(
      waiting.map((d) =>
        staff("receiver", { action: "accept" })(d).then((r) =>
          r.ok ? r : staff("head", { action: "approve" })(d),
        ),
      ),
    );
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(1);
    await expectRollupsEqualEvents();
  });
});
