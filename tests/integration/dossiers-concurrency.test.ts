import { and, eq, getTableName, type Table } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, Tx } from "@/db/client";
import { dossierCodeCounters, dossierEvents, dossiers, outbox } from "@/db/schema";
import {
  addAttachment,
  getDossierDetail,
  performStaffAction,
  saveDraft,
  startDraft,
  submitDossier,
} from "@/lib/dossiers/service";
import type { DossierView } from "@/lib/dossiers/types";
import {
  expectOk,
  fileDossier,
  openWorld,
  pdfBytes,
  type ApplicantActor,
  type World,
} from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;

const vn = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
});

afterAll(async () => {
  vi.useRealTimers();
  await close();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A draft ready to submit. */
async function readyDraft(applicant: ApplicantActor): Promise<string> {
  const { dossierId } = expectOk(await startDraft(applicant, { procedureCode: "1.001193" }));
  expectOk(await saveDraft(applicant, { dossierId, answers: { childName: "Phạm Minh Khang" } }));
  expectOk(
    await addAttachment(applicant, {
      dossierId,
      documentKey: "birth_notice",
      fileName: "a.pdf",
      bytes: pdfBytes(),
    }),
  );
  return dossierId;
}

async function counterFor(day: string): Promise<number | undefined> {
  const [row] = await db
    .select()
    .from(dossierCodeCounters)
    .where(and(eq(dossierCodeCounters.agencyId, world.centre.id), eq(dossierCodeCounters.day, day)));
  return row?.last;
}

describe("submitting twice creates one dossier", () => {
  it("one after the other (a double click, a replayed request)", async () => {
    vi.setSystemTime(vn("2026-04-01T09:00:00"));
    const dossierId = await readyDraft(world.applicantA);
    const first = expectOk(await submitDossier(world.applicantA, { dossierId }));
    const second = expectOk(await submitDossier(world.applicantA, { dossierId }));
    expect(first.code).toBe("000.00.01.H33-260401-0001");
    expect(second.code).toBe(first.code);
    expect(second.version).toBe(first.version);
    expect(await counterFor("2026-04-01")).toBe(1);
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
    expect(events.map((e) => e.action)).toEqual(["submit"]);

    // The next dossier of the day gets the next number.
    const next = await fileDossier(world.applicantB, "1.001193");
    expect(next.code).toBe("000.00.01.H33-260401-0002");
    expect(await counterFor("2026-04-01")).toBe(2);
  });

  it("at the same time (two tabs)", async () => {
    vi.setSystemTime(vn("2026-04-02T09:00:00"));
    const dossierId = await readyDraft(world.applicantA);
    const results = await Promise.all([
      submitDossier(world.applicantA, { dossierId }),
      submitDossier(world.applicantA, { dossierId }),
      submitDossier(world.applicantA, { dossierId }),
    ]);
    const codes = results.map((r) => expectOk(r).code);
    expect(new Set(codes)).toEqual(new Set(["000.00.01.H33-260402-0001"]));
    expect(await counterFor("2026-04-02")).toBe(1);
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
    expect(events).toHaveLength(1);
    const notices = (await db.select().from(outbox)).filter(
      (n) => n.payload.dossierId === dossierId && n.kind === "dossier.submitted",
    );
    expect(notices).toHaveLength(1);
  });

  it("numbers many dossiers submitted at once without a gap or a repeat", async () => {
    vi.setSystemTime(vn("2026-04-03T09:00:00"));
    const drafts = [];
    for (let i = 0; i < 6; i++) drafts.push(await readyDraft(i % 2 ? world.applicantA : world.applicantB));
    const results = await Promise.all(
      drafts.map((dossierId, i) => submitDossier(i % 2 ? world.applicantA : world.applicantB, { dossierId })),
    );
    const codes = results.map((r) => expectOk(r).code!).sort();
    expect(codes).toEqual([1, 2, 3, 4, 5, 6].map((n) => `000.00.01.H33-260403-000${n}`));
    expect(await counterFor("2026-04-03")).toBe(6);
  });
});

describe("the day's code counter", () => {
  /** The statements of each transaction the services run, as "insert <table>", "update <table>" or "select". */
  function recordStatements(): string[][] {
    const transactions: string[][] = [];
    const original = db.transaction.bind(db);
    vi.spyOn(db, "transaction").mockImplementation(((work: (tx: Tx) => Promise<unknown>, config?: never) =>
      original(async (tx) => {
        const statements: string[] = [];
        transactions.push(statements);
        const recording = new Proxy(tx, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver);
            if (typeof value !== "function") return value;
            return (...args: unknown[]) => {
              if (name === "insert" || name === "update")
                statements.push(`${name} ${getTableName(args[0] as Table)}`);
              else if (name === "select" || name === "selectDistinct") statements.push("select");
              return value.apply(target, args);
            };
          },
        });
        return work(recording);
      }, config)) as typeof db.transaction);
    return transactions;
  }

  it("is taken last when a draft is submitted: only the dossier's update and its notices follow", async () => {
    // Its row stays locked until the commit and every submission to the agency that day waits for it.
    vi.setSystemTime(vn("2026-04-04T09:00:00"));
    const dossierId = await readyDraft(world.applicantA);
    const transactions = recordStatements();
    const submitted = expectOk(await submitDossier(world.applicantA, { dossierId }));
    vi.mocked(db.transaction).mockRestore();
    expect(submitted).toMatchObject({
      id: dossierId,
      code: "000.00.01.H33-260404-0001",
      status: "submitted",
    });
    expect(transactions).toHaveLength(1);
    const statements = transactions[0]!;
    expect(statements).toContain("insert dossier_events");
    expect(statements.slice(statements.indexOf("insert dossier_code_counters"))).toEqual([
      "insert dossier_code_counters",
      "update dossiers",
      "insert outbox",
      // The inbox rows of the notices (lib/notify/inbox): who wants them, then one insert.
      "select",
      "insert inbox_notices",
    ]);
  });
});

describe("a lost update becomes a conflict", () => {
  async function acceptedNow(): Promise<DossierView> {
    return fileDossier(world.applicantA, "1.001193");
  }

  it("two receivers accept the same dossier at once: one wins, the other gets a conflict", async () => {
    vi.setSystemTime(vn("2026-04-06T09:00:00"));
    const filed = await acceptedNow();
    const results = await Promise.all([
      performStaffAction(world.receiver, { action: "accept", code: filed.code!, version: filed.version }),
      performStaffAction(world.receiver2, { action: "accept", code: filed.code!, version: filed.version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "conflict" }]);
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, filed.id));
    expect(events.map((e) => e.action)).toEqual(["submit", "accept"]);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, filed.id));
    expect(row!.version).toBe(filed.version + 1);
  });

  it("one accepts while another refuses: the dossier reflects only the winner", async () => {
    vi.setSystemTime(vn("2026-04-06T10:00:00"));
    const filed = await acceptedNow();
    const [accept, refuse] = await Promise.all([
      performStaffAction(world.receiver, { action: "accept", code: filed.code!, version: filed.version }),
      performStaffAction(world.receiver2, {
        action: "refuse",
        code: filed.code!,
        version: filed.version,
        comment: "Không thuộc thẩm quyền.",
      }),
    ]);
    const winners = [accept, refuse].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect([accept, refuse].filter((r) => !r.ok)).toEqual([{ ok: false, error: "conflict" }]);
    const winner = expectOk(winners[0]!);
    const detail = expectOk(await getDossierDetail(world.receiver, { code: filed.code! }));
    expect(detail.dossier.status).toBe(winner.status);
    expect(detail.dossier.status).toBe(accept.ok ? "received" : "refused");
    expect(detail.events.map((e) => e.action)).toEqual([accept.ok ? "accept" : "refuse", "submit"]);
    const notices = (await db.select().from(outbox)).filter((n) => n.payload.dossierId === filed.id);
    expect(notices.map((n) => n.kind).filter((k) => k !== "dossier.submitted")).toEqual(
      accept.ok ? ["dossier.accepted", "dossier.accepted"] : ["dossier.refused"],
    );
  });

  it("an action on a version read earlier is a conflict, even when it would be allowed now", async () => {
    vi.setSystemTime(vn("2026-04-06T11:00:00"));
    const filed = await acceptedNow();
    const accepted = expectOk(
      await performStaffAction(world.receiver, {
        action: "accept",
        code: filed.code!,
        version: filed.version,
      }),
    );
    const stale = await performStaffAction(world.head, {
      action: "assign",
      code: filed.code!,
      version: filed.version,
      assigneeId: world.specialist.userId,
    });
    expect(stale).toEqual({ ok: false, error: "conflict" });
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, filed.id));
    expect(row).toMatchObject({ status: "received", assigneeId: null, version: accepted.version });
  });
});
