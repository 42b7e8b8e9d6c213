import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisions, dossierEvents, dossiers, outbox } from "@/db/schema";
import type { Db } from "@/db/client";
import { getDecisionForDossier, listDecisions, publishDecision } from "@/lib/decisions/service";
import { getDossierDetail } from "@/lib/dossiers/service";
import { transition } from "@/lib/dossiers/transitions";
import { err, ok } from "@/lib/result";
import type { Actor } from "@/lib/identity/types";
import { searchable } from "@/lib/text/normalize";
import { openTestDatabase } from "../support/database";
import {
  birthRegistration,
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedureRow,
  createStaff,
  justiceDepartment,
  tanHungCommune,
} from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let commune: { id: string };
let justice: { id: string };
let head: Actor;
let applicantActor: Actor;
const now = new Date("2025-06-10T03:00:00Z");

const input = (dossierCode: string) => ({
  dossierCode,
  number: "125/QĐ-UBND",
  issuedOn: "2025-06-09",
  summaryVi: "Cấp giấy khai sinh cho trẻ em sinh ngày 01/06/2025.",
  summaryEn: "Birth certificate issued for a child born on 1 June 2025.",
});

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  commune = await createAgency(db, tanHungCommune);
  justice = await createAgency(db, justiceDepartment);
  const applicant = await createApplicant(db, "Nguyễn Văn A");
  applicantActor = applicant;
  head = await createStaff(db, "Trần Thị B", [{ agencyId: commune.id, role: "head" }]);
  const procedure = await createProcedureRow(db, birthRegistration);
  const cases: [code: string, status: string, outcome: string | null][] = [
    ["000.01.01.H22-250601-0001", "done", "approved"],
    ["000.01.01.H22-250601-0002", "returned", "denied"],
    ["000.01.01.H22-250601-0003", "in_progress", null],
    ["000.01.01.H22-250601-0004", "done", "approved"],
    ["000.01.01.H22-250601-0005", "done", "approved"],
    ["000.01.01.H22-250601-0006", "returned", "approved"],
    ["000.01.01.H22-250601-0007", "done", "approved"],
  ];
  for (const [code, status, outcome] of cases) {
    await createDossierRow(db, { code, status, outcome, procedure, applicant, agencyId: commune.id });
  }

  // 25 older decisions of the Department of Justice, for paging and search.
  await db.insert(decisions).values(
    Array.from({ length: 25 }, (_, i) => {
      const summaryVi = i === 0 ? "Cấp phiếu lý lịch tư pháp số 1" : `Chứng thực bản sao số ${i + 1}`;
      const summaryEn = i === 0 ? "Judicial record certificate no. 1" : `Certified copy no. ${i + 1}`;
      return {
        number: `${i + 1}/QĐ-STP`,
        issuedOn: `2025-05-${String(i + 1).padStart(2, "0")}`,
        agencyId: justice.id,
        summaryVi,
        summaryEn,
        searchText: searchable(`${i + 1}/QĐ-STP ${summaryVi} ${summaryEn} Sở Tư pháp`),
      };
    }),
  );
});

afterAll(async () => {
  await close();
});

describe("publishDecision", () => {
  it("lets a head of the competent agency publish the decision of a decided dossier", async () => {
    const result = await publishDecision(head, input("000.01.01.H22-250601-0001"), now);
    expect(result).toMatchObject({
      ok: true,
      value: { number: "125/QĐ-UBND", agency: { code: "000.01.01.H22" } },
    });
  });

  it("accepts a denied dossier whose result was returned", async () => {
    const result = await publishDecision(
      head,
      { ...input("000.01.01.H22-250601-0002"), number: "126/QĐ-UBND" },
      now,
    );
    expect(result.ok).toBe(true);
  });

  it("publishes one decision per dossier", async () => {
    expect(await publishDecision(head, input("000.01.01.H22-250601-0001"), now)).toEqual({
      ok: false,
      error: "already_published",
    });
  });

  it("refuses a dossier that is not decided yet", async () => {
    expect(await publishDecision(head, input("000.01.01.H22-250601-0003"), now)).toEqual({
      ok: false,
      error: "not_decided",
    });
  });

  it("refuses a specialist of the same agency", async () => {
    const specialist: Actor = { ...head, roles: [{ agencyId: commune.id, role: "specialist" }] } as Actor;
    expect(await publishDecision(specialist, input("000.01.01.H22-250601-0004"), now)).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("does not reveal a dossier of another agency to its head", async () => {
    const otherHead: Actor = { ...head, roles: [{ agencyId: justice.id, role: "head" }] } as Actor;
    expect(await publishDecision(otherHead, input("000.01.01.H22-250601-0004"), now)).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("refuses applicants and the public", async () => {
    const applicant: Actor = {
      kind: "applicant",
      userId: head.kind === "staff" ? head.userId : "",
      name: "A",
      organisationIds: [],
    };
    expect(await publishDecision(applicant, input("000.01.01.H22-250601-0004"), now)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await publishDecision({ kind: "anonymous" }, input("000.01.01.H22-250601-0004"), now)).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("returns field issues as message keys for bad input", async () => {
    const result = await publishDecision(
      head,
      { ...input("000.01.01.H22-250601-0004"), number: " ", issuedOn: "09/06/2025" },
      now,
    );
    expect(result).toEqual({
      ok: false,
      error: "invalid_input",
      issues: { number: ["errors.required"], issuedOn: ["errors.date"] },
    });
    const future = await publishDecision(
      head,
      { ...input("000.01.01.H22-250601-0004"), issuedOn: "2025-06-11" },
      now,
    );
    expect(future).toEqual({
      ok: false,
      error: "invalid_input",
      issues: { issuedOn: ["errors.dateInFuture"] },
    });
  });
});

const dossierByCode = async (code: string) => {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  return row!;
};
const eventsOf = (dossierId: string) =>
  db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));

describe("publishing goes through the dossier's transition path", () => {
  const code = "000.01.01.H22-250601-0005";

  it("is offered to the head with the dossier, writes an event and tells the applicant, once", async () => {
    const before = await dossierByCode(code);
    const detail = await getDossierDetail(head, { code });
    expect(detail.ok && detail.value.allowedActions).toContain("publish_decision");

    const result = await publishDecision(
      head,
      { ...input(code), number: "130/QĐ-UBND", version: before.version },
      now,
    );
    expect(result.ok).toBe(true);

    const after = await dossierByCode(code);
    expect(after.status).toBe("done");
    expect(after.version).toBe(before.version + 1);
    const events = await eventsOf(after.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "publish_decision",
      fromStatus: "done",
      toStatus: "done",
      at: now,
      details: { number: "130/QĐ-UBND", issuedOn: "2025-06-09" },
    });
    const notices = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, "dossier.decision_published")));
    expect(notices.filter((n) => n.payload.dossierId === after.id)).toMatchObject([
      { recipientId: after.applicantId, payload: { code, action: "publish_decision", status: "done" } },
    ]);

    // Published once: no longer offered, refused in the decision's own words.
    const again = await getDossierDetail(head, { code });
    expect(again.ok && again.value.allowedActions).not.toContain("publish_decision");
    expect(await publishDecision(head, { ...input(code), number: "131/QĐ-UBND" }, now)).toEqual({
      ok: false,
      error: "already_published",
    });
  });

  it("shows the applicant a published decision in their history", async () => {
    const detail = await getDossierDetail(applicantActor, { code });
    expect(detail.ok && detail.value.events.map((e) => e.action)).toContain("publish_decision");
    expect(detail.ok && detail.value.allowedActions).not.toContain("publish_decision");
  });

  it("refuses a form shown before the dossier changed, and writes nothing", async () => {
    const stale = "000.01.01.H22-250601-0006";
    const shown = await dossierByCode(stale);
    // Someone else changes the dossier after the form was shown.
    await db
      .update(dossiers)
      .set({ version: shown.version + 1 })
      .where(eq(dossiers.id, shown.id));
    const before = await dossierByCode(stale);
    expect(await publishDecision(head, { ...input(stale), version: shown.version }, now)).toEqual({
      ok: false,
      error: "conflict",
    });
    expect(await eventsOf(before.id)).toHaveLength(0);
    expect(await getDecisionForDossier(before.id)).toBeNull();
  });

  it("refuses a dossier whose decision was published before publishing left an event, and writes nothing", async () => {
    const legacy = await dossierByCode("000.01.01.H22-250601-0006");
    await db.insert(decisions).values({
      number: "1/QĐ-UBND",
      issuedOn: "2025-06-01",
      agencyId: commune.id,
      dossierId: legacy.id,
      summaryVi: "Cũ",
      summaryEn: "Old",
      searchText: "cu old",
    });
    expect(await publishDecision(head, input(legacy.code!), now)).toEqual({
      ok: false,
      error: "already_published",
    });
    expect(await eventsOf(legacy.id)).toHaveLength(0);
    expect((await dossierByCode(legacy.code!)).version).toBe(legacy.version);
  });
});

describe("work done inside a transition", () => {
  const code = "000.01.01.H22-250601-0007";
  const command = {
    action: "publish_decision",
    decision: { number: "9/QĐ-UBND", issuedOn: "2025-06-09" },
  } as const;

  it("is rolled back with the step when it returns an error", async () => {
    const before = await dossierByCode(code);
    const result = await transition(head, { code }, before.version, command, {
      work: async (tx, dossier) => {
        await tx.insert(outbox).values({ recipientId: null, kind: "test.work", payload: { id: dossier.id } });
        return err("refused_by_work" as const);
      },
    });
    expect(result).toEqual({ ok: false, error: "refused_by_work" });
    expect(await db.select().from(outbox).where(eq(outbox.kind, "test.work"))).toHaveLength(0);
    expect(await eventsOf(before.id)).toHaveLength(0);
    expect((await dossierByCode(code)).version).toBe(before.version);
  });

  it("commits with the step and its event when it succeeds, handing back its value", async () => {
    const before = await dossierByCode(code);
    const result = await transition(head, { code }, before.version, command, {
      now,
      work: async (tx, dossier, step) => {
        await tx.insert(outbox).values({ recipientId: null, kind: "test.work", payload: { id: dossier.id } });
        return ok(step.event.action);
      },
    });
    expect(result).toMatchObject({ ok: true, value: { value: "publish_decision", dossier: { code } } });
    expect(await db.select().from(outbox).where(eq(outbox.kind, "test.work"))).toHaveLength(1);
    expect((await eventsOf(before.id)).map((e) => e.action)).toEqual(["publish_decision"]);
  });

  it("does not run when the rules refuse", async () => {
    let ran = false;
    const before = await dossierByCode(code);
    const result = await transition(applicantActor, { code }, before.version, command, {
      work: async () => {
        ran = true;
        return ok(null);
      },
    });
    expect(result).toEqual({ ok: false, error: "invalid_transition" });
    expect(ran).toBe(false);
  });
});

describe("getDecisionForDossier", () => {
  const idOf = async (code: string) => {
    const [row] = await db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.code, code));
    return row!.id;
  };

  it("returns the decision published for the dossier, with its agency", async () => {
    const decision = await getDecisionForDossier(await idOf("000.01.01.H22-250601-0001"));
    expect(decision).toMatchObject({
      number: "125/QĐ-UBND",
      issuedOn: "2025-06-09",
      summaryVi: "Cấp giấy khai sinh cho trẻ em sinh ngày 01/06/2025.",
      summaryEn: "Birth certificate issued for a child born on 1 June 2025.",
      agency: { code: "000.01.01.H22", nameVi: "UBND xã Tân Hưng", nameEn: "Tân Hưng Commune" },
    });
    expect(decision!.publishedAt).toEqual(now);
  });

  it("returns null for a dossier with no published decision, or an id that is not one", async () => {
    expect(await getDecisionForDossier(await idOf("000.01.01.H22-250601-0003"))).toBeNull();
    expect(await getDecisionForDossier("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getDecisionForDossier("not-a-uuid")).toBeNull();
  });
});

describe("listDecisions", () => {
  it("lists newest first, twenty a page", async () => {
    const first = await listDecisions({});
    expect(first.total).toBe(29);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]!.issuedOn).toBe("2025-06-09");
    expect(first.rows.slice(0, 5).map((r) => r.number)).toEqual([
      "125/QĐ-UBND",
      "126/QĐ-UBND",
      "130/QĐ-UBND",
      "1/QĐ-UBND",
      "25/QĐ-STP",
    ]);
    const last = await listDecisions({ page: 2 });
    expect(last.rows).toHaveLength(9);
    expect(last.rows.at(-1)!.number).toBe("1/QĐ-STP");
  });

  it("searches without accents, in either language", async () => {
    expect((await listDecisions({ q: "ly lich tu phap" })).rows.map((r) => r.number)).toEqual(["1/QĐ-STP"]);
    expect((await listDecisions({ q: "KHAI SINH 126" })).rows.map((r) => r.number)).toEqual(["126/QĐ-UBND"]);
    expect((await listDecisions({ q: "tân hưng" })).total).toBe(3);
    expect((await listDecisions({ q: "certified copy" })).total).toBe(24);
    expect((await listDecisions({ q: "không có" })).total).toBe(0);
  });
});
