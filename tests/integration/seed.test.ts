import { formFields } from "@/lib/forms/definition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  administrativeUnits,
  agencies,
  decisions,
  dossierClockStops,
  dossierConsultations,
  dossierTransferLegs,
  dossierCodeCounters,
  dossierEvents,
  dossiers,
  holidays,
  procedureAgencies,
  procedures,
  procedureVersions,
  staffRoles,
  users,
} from "@/db/schema";
import { demoAccounts, seedDemo } from "@/db/seed";
import { seededStatuses } from "@/db/seed/dossiers";
import { localDate, makeCalendar, workingDaysFor } from "@/lib/calendar/rules";
import { decide, draftState, type Command, type DossierState } from "@/lib/dossiers/rules";
import type { DossierAction, DossierStatus, Outcome } from "@/lib/dossiers/types";
import type { Actor, StaffRole } from "@/lib/identity/types";
import { searchable } from "@/lib/text/normalize";
import { checkCredentials } from "@/lib/identity/accounts";
import { seatsOf } from "@/lib/meetings/access";
import { loadBody } from "@/lib/meetings/bodies";
import { workspaceHistory } from "@/lib/meetings/events";
import { listOpinionForms } from "@/lib/meetings/opinions";
import { verifyEventChains } from "@/lib/dossiers/audit";
import { openTestDatabase } from "../support/database";
import { answerProblems, type Places } from "../support/formChecks";

// A fixed "now" keeps the data the same on every run: Tết 2026 falls inside the seeded year.
const now = new Date("2026-06-15T03:00:00Z");
let db: Db;
let close: () => Promise<void>;
let firstRun: { seeded: boolean };
let seedMs = 0;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const started = performance.now();
  firstRun = await seedDemo(db, { now });
  seedMs = performance.now() - started;
});

afterAll(async () => {
  await close();
});

describe("demo seed", () => {
  it("seeds an empty database quickly", () => {
    expect(firstRun).toEqual({ seeded: true });
    expect(seedMs).toBeLessThan(10_000);
    console.info(`seedDemo took ${Math.round(seedMs)} ms`);
  });

  it("chains every seeded history as the portal would have appended it", async () => {
    const report = await verifyEventChains({}, db);
    expect(report).toMatchObject({ ok: true });
    expect(report!.events).toBeGreaterThan(100);
  });

  it("has the real procedures, birth registration among them, each with a current version and agencies", async () => {
    const rows = await db.select().from(procedures);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const birth = rows.find((p) => p.code === "1.001193");
    expect(birth).toMatchObject({
      nameVi: "Thủ tục đăng ký khai sinh",
      level: "commune",
      onlineLevel: "whole",
    });
    expect(birth!.searchText).toContain("dang ky khai sinh");

    const versions = await db.select().from(procedureVersions).where(eq(procedureVersions.isCurrent, true));
    expect(versions).toHaveLength(rows.length);
    const birthVersion = versions.find((v) => v.procedureId === birth!.id)!;
    expect(birthVersion.timeLimitHours).toEqual({ online: 8, desk: 8, post: 8 });
    expect(birthVersion.documents.find((d) => d.key === "giay_chung_sinh")?.required).toBe(true);
    for (const version of versions) {
      const fields = formFields(version.form);
      expect(fields.length).toBeGreaterThanOrEqual(3);
      expect(version.documents.some((d) => d.required)).toBe(true);
    }

    const pairs = await db
      .select({ n: count() })
      .from(procedureAgencies)
      .where(eq(procedureAgencies.procedureId, birth!.id));
    expect(pairs[0]!.n).toBe(2);
  });

  it("marks the Tết 2026 days off and the swapped Saturdays worked", async () => {
    const rows = await db.select().from(holidays);
    expect(rows.find((h) => h.date === "2026-02-17")?.kind).toBe("holiday");
    expect(rows.find((h) => h.date === "2026-01-10")?.kind).toBe("swap_work");
    expect(rows.find((h) => h.date === "2026-04-27")?.kind).toBe("makeup_off");
    expect(rows.find((h) => h.date === "2026-01-02")).toMatchObject({
      kind: "swap_off",
      swapWith: "2026-01-10",
    });
    expect(rows.some((h) => h.date.startsWith("2027-"))).toBe(false);
    expect(rows.filter((h) => h.date >= "2026-02-16" && h.date <= "2026-02-20")).toHaveLength(5);
  });

  it("gives thirteen demo accounts that sign in with their passwords", async () => {
    expect(demoAccounts).toHaveLength(13);
    for (const account of demoAccounts) {
      expect(await checkCredentials(account.email, account.password), account.email).not.toBeNull();
    }
    expect(await checkCredentials(demoAccounts[0]!.email, "wrong password")).toBeNull();
  });

  it("seeds the demo committee with its members, one open and one concluded opinion form", async () => {
    const chair = demoAccounts.find((account) => account.key === "chair")!;
    const signedIn = await checkCredentials(chair.email, chair.password);
    const actor: Actor = { kind: "staff", userId: signedIn!.id, name: signedIn!.name, roles: [] };
    const seats = await seatsOf(actor);
    expect(seats.map((seat) => [seat.code, seat.role])).toEqual([["ubnd-hung-yen", "chair"]]);
    const body = await loadBody(db, seats[0]!.bodyId);
    expect(body!.members.map((m) => m.role).sort()).toEqual(
      ["chair", "member", "member", "secretary", "support", "vice_chair"].sort(),
    );
    const forms = await listOpinionForms(actor);
    expect(forms.map((form) => form.status).sort()).toEqual(["concluded", "open"]);
    // The chair has not answered the open form yet: it waits on their home.
    expect(forms.find((form) => form.status === "open")!.myStatus).not.toBe("answered");
    for (const form of forms) {
      const history = await workspaceHistory(db as never, { kind: "opinion_form", id: form.id });
      expect(history.chainHolds).toBe(true);
    }
  });

  it("marks the building permit as needing the committee's decision, with dossiers in progress to send", async () => {
    const flagged = await db
      .select({ code: procedures.code })
      .from(procedures)
      .where(eq(procedures.needsCommitteeDecision, true));
    expect(flagged.map((row) => row.code)).toEqual(["1.013225"]);
    const [inProgress] = await db
      .select({ n: count() })
      .from(dossiers)
      .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
      .where(and(eq(procedures.code, "1.013225"), eq(dossiers.status, "in_progress")));
    expect(inProgress!.n).toBeGreaterThan(0);
  });

  it("seeds about 300 dossiers in every state, with unique codes", async () => {
    const rows = await db.select().from(dossiers);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((d) => d.status))).toEqual(new Set(seededStatuses));

    const codes = rows.filter((d) => d.status !== "draft").map((d) => d.code);
    expect(codes.every((code) => code !== null)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(rows.filter((d) => d.status === "draft").every((d) => d.code === null)).toBe(true);

    const online = rows.filter((d) => d.channel === 2).length / rows.length;
    expect(online).toBeGreaterThan(0.65);
    expect(online).toBeLessThan(0.85);
  });

  it("keeps the code counters in step with the codes", async () => {
    const counters = await db.select().from(dossierCodeCounters);
    const rows = await db
      .select({
        code: dossiers.code,
        agencyId: dossiers.receivingAgencyId,
        submittedAt: dossiers.submittedAt,
      })
      .from(dossiers)
      .where(isNotNull(dossiers.code));
    for (const row of rows) {
      const counter = counters.find(
        (c) => c.agencyId === row.agencyId && c.day === localDate(row.submittedAt!),
      );
      expect(counter, row.code!).toBeDefined();
      expect(Number(row.code!.slice(-4))).toBeLessThanOrEqual(counter!.last);
    }
    // Nothing was submitted on the seeding day, so today's codes start fresh.
    expect(counters.some((c) => c.day === localDate(now))).toBe(false);
  });

  it("gives every non-draft dossier a history that starts with its submission and ends in its state", async () => {
    const events = await db
      .select()
      .from(dossierEvents)
      .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
    const rows = await db.select().from(dossiers).where(ne(dossiers.status, "draft"));
    const byDossier = new Map<string, typeof events>();
    for (const event of events)
      byDossier.set(event.dossierId, [...(byDossier.get(event.dossierId) ?? []), event]);
    for (const row of rows) {
      const history = byDossier.get(row.id) ?? [];
      expect(history[0]?.action, row.code!).toBe("submit");
      expect(history[0]!.at.getTime()).toBe(row.submittedAt!.getTime());
      expect(history.at(-1)!.toStatus, row.code!).toBe(row.status);
      for (let i = 1; i < history.length; i++) expect(history[i]!.fromStatus).toBe(history[i - 1]!.toStatus);
      expect(row.version).toBe(1 + history.length);
      expect(history.every((e) => e.at.getTime() < now.getTime())).toBe(true);
    }
  });

  it("sets deadlines, outcomes and clock stops consistently", async () => {
    const rows = await db.select().from(dossiers);
    for (const row of rows) {
      if (row.acceptedAt) expect(row.dueAt!.getTime()).toBeGreaterThan(row.acceptedAt.getTime());
      if (["done", "returned"].includes(row.status)) expect(row.outcome).not.toBeNull();
      if (["in_progress", "proposed", "done", "returned"].includes(row.status))
        expect(row.assigneeId).not.toBeNull();
      if (row.status === "proposed") expect(row.proposedOutcome).not.toBeNull();
    }
    const late = rows.filter(
      (d) => d.finishedAt && d.dueAt && ["done", "returned"].includes(d.status) && d.finishedAt > d.dueAt,
    );
    expect(late.length).toBeGreaterThan(0);

    const openStops = await db.select().from(dossierClockStops).where(isNull(dossierClockStops.endedAt));
    const stopped = rows.filter((d) => d.clockStoppedAt !== null);
    expect(openStops.map((s) => s.dossierId).sort()).toEqual(stopped.map((d) => d.id).sort());
    expect(stopped.every((d) => d.status === "supplement_requested")).toBe(true);
    const withStops = await db
      .select({ n: sql<number>`count(distinct ${dossierClockStops.dossierId})::int` })
      .from(dossierClockStops);
    expect(withStops[0]!.n).toBe(rows.filter((d) => d.supplementCount > 0).length);
  });

  it("answers each submitted dossier's form validly, page by page, groups and addresses included", async () => {
    const versions = new Map((await db.select().from(procedureVersions)).map((v) => [v.id, v]));
    const units = await db.select().from(administrativeUnits);
    const places: Places = {
      provinceCodes: units.filter((u) => u.level === "province").map((u) => u.code),
      communesOf: (code) => {
        const communes = units.filter((u) => u.provinceCode === code).map((u) => u.code);
        return communes.length > 0 ? communes : null;
      },
    };
    const rows = await db.select().from(dossiers);
    for (const row of rows) {
      const form = versions.get(row.procedureVersionId)!.form;
      if (row.status === "draft") {
        // A draft is a form half filled in: only the form's own fields.
        const names = new Set(formFields(form).map((f) => f.name));
        expect(
          Object.keys(row.formData).filter((key) => !names.has(key)),
          row.id,
        ).toEqual([]);
        continue;
      }
      expect(answerProblems(form, row.formData, places), row.code!).toEqual([]);
    }
    // Some answers are on conditional pages, some groups have several items.
    const birth = rows.filter((r) => r.status !== "draft" && "childFullName" in r.formData);
    expect(birth.some((r) => r.formData.fatherNamed === "yes")).toBe(true);
    expect(
      rows.some((r) => Array.isArray(r.formData.residenceHistory) && r.formData.residenceHistory.length > 1),
    ).toBe(true);
  });

  it("seeds the 34 provincial units and the demo province's 104 communes", async () => {
    const units = await db.select().from(administrativeUnits);
    expect(units.filter((u) => u.level === "province")).toHaveLength(34);
    expect(units.filter((u) => u.level === "commune" && u.provinceCode === "33")).toHaveLength(104);
  });

  it("gives the demo citizen and the business dossiers of their own", async () => {
    for (const key of ["citizen", "business"] as const) {
      const email = demoAccounts.find((a) => a.key === key)!.email;
      const [user] = await db.select().from(users).where(eq(users.email, email));
      const own = await db.select({ n: count() }).from(dossiers).where(eq(dossiers.applicantId, user!.id));
      expect(own[0]!.n).toBeGreaterThanOrEqual(3);
    }
    const organisation = await db
      .select({ n: count() })
      .from(dossiers)
      .where(isNotNull(dossiers.organisationId));
    expect(organisation[0]!.n).toBeGreaterThan(0);
  });

  it("publishes about 40 decisions for approved dossiers", async () => {
    const rows = await db
      .select({ number: decisions.number, outcome: dossiers.outcome, searchText: decisions.searchText })
      .from(decisions)
      .innerJoin(dossiers, eq(dossiers.id, decisions.dossierId));
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.length).toBeLessThanOrEqual(45);
    expect(rows.every((d) => d.outcome === "approved" && /^\d+\/QĐ-/.test(d.number))).toBe(true);
    expect(rows.every((d) => d.searchText === d.searchText.toLowerCase())).toBe(true);
  });

  it("holds only histories the rules allow: every seeded event replays through decide()", async () => {
    const calendar = makeCalendar(
      await db.select({ date: holidays.date, kind: holidays.kind }).from(holidays),
    );
    const versions = new Map((await db.select().from(procedureVersions)).map((v) => [v.id, v]));
    const roles = await db.select().from(staffRoles);
    const staffActor = (userId: string): Actor => ({
      kind: "staff",
      userId,
      name: userId,
      roles: roles
        .filter((r) => r.userId === userId)
        .map((r) => ({ agencyId: r.agencyId, role: r.role as StaffRole })),
    });
    const published = new Set(
      (await db.select({ dossierId: decisions.dossierId }).from(decisions)).map((d) => d.dossierId),
    );
    const events = await db
      .select()
      .from(dossierEvents)
      .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
    const rows = await db.select().from(dossiers).where(ne(dossiers.status, "draft"));
    const channels = { 1: "desk", 2: "online", 3: "post" } as const;
    let replayed = 0;
    for (const row of rows) {
      const version = versions.get(row.procedureVersionId)!;
      const limits = version.timeLimitHours;
      const timeLimitDays = workingDaysFor(limits[channels[row.channel as 1 | 2 | 3]] ?? 0);
      // An inter-agency dossier starts at the first agency of its chain.
      const chain = version.handlingChain && version.handlingChain.length > 1 ? version.handlingChain : null;
      const state: DossierState = {
        ...draftState({
          applicantId: row.applicantId,
          organisationId: row.organisationId,
          receivingAgencyId: row.receivingAgencyId,
          competentAgencyId: chain ? chain[0]!.agencyId : row.competentAgencyId,
        }),
        chain,
      };
      for (const event of events.filter((e) => e.dossierId === row.id)) {
        const actor: Actor =
          event.actorId === row.applicantId
            ? {
                kind: "applicant",
                userId: row.applicantId,
                name: "",
                organisationIds: row.organisationId ? [row.organisationId] : [],
              }
            : staffActor(event.actorId!);
        const details = event.details ?? {};
        const command: Command = {
          action: event.action as DossierAction,
          comment: event.comment ?? undefined,
          assigneeId: details.assigneeId as string | undefined,
          proposal: details.proposal as "approve" | "deny" | undefined,
          decision:
            event.action === "publish_decision"
              ? { number: details.number as string, issuedOn: details.issuedOn as string }
              : undefined,
          toAgencyId: details.toAgencyId as string | undefined,
          consultationId: details.consultationId as string | undefined,
          newDueDate:
            event.action === "propose_delay" ? localDate(new Date(details.newDueAt as string)) : undefined,
          returnMethod: details.method as Command["returnMethod"],
          trackingNumber: details.trackingNumber as string | undefined,
          documents: details.documents as Command["documents"],
        };
        const decision = decide(state, actor, command, {
          now: event.at,
          calendar,
          timeLimitDays,
          assigneeIsSpecialist:
            command.assigneeId !== undefined &&
            roles.some(
              (r) =>
                r.userId === command.assigneeId &&
                r.agencyId === state.competentAgencyId &&
                r.role === "specialist",
            ),
          agencyIsValid: true,
        });
        const where = `${row.code} ${event.action} from ${state.status}`;
        if (!decision.ok) throw new Error(`${where}: ${decision.error}`);
        expect(decision.step.event, where).toEqual({
          action: event.action,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          comment: event.comment,
          details: event.details,
        });
        Object.assign(state, decision.step.changes, { status: decision.step.status });
        if (event.action === "publish_decision") state.decisionPublished = true;
        const consultation = decision.step.consultation;
        if (consultation && "ask" in consultation) {
          state.openConsultations = [...state.openConsultations, consultation.ask];
        } else if (consultation && "answer" in consultation) {
          state.openConsultations = state.openConsultations.filter((c) => c.id !== consultation.answer.id);
        }
        replayed++;
      }
      // The row is where its history leads.
      expect(
        {
          status: state.status,
          outcome: state.outcome,
          proposedOutcome: state.proposedOutcome,
          assigneeId: state.assigneeId,
          acceptedAt: state.acceptedAt,
          dueAt: state.dueAt,
          clockStoppedAt: state.clockStoppedAt,
          supplementCount: state.supplementCount,
          decisionPublished: state.decisionPublished,
          competentAgencyId: state.competentAgencyId,
          originalDueAt: state.originalDueAt,
        },
        row.code!,
      ).toEqual({
        status: row.status as DossierStatus,
        outcome: row.outcome as Outcome | null,
        proposedOutcome: row.proposedOutcome as Outcome | null,
        assigneeId: row.assigneeId,
        acceptedAt: row.acceptedAt,
        dueAt: row.dueAt,
        clockStoppedAt: row.clockStoppedAt,
        supplementCount: row.supplementCount,
        decisionPublished: published.has(row.id),
        competentAgencyId: row.competentAgencyId,
        originalDueAt: row.originalDueAt,
      });
    }
    expect(replayed).toBe(events.length);
  });

  it("shows the lifecycle: consultations open and answered, a transferred dossier, an approved apology", async () => {
    const consultations = await db.select().from(dossierConsultations);
    expect(consultations.filter((c) => c.answeredAt === null).length).toBeGreaterThanOrEqual(2);
    expect(consultations.filter((c) => c.answeredAt !== null).length).toBeGreaterThanOrEqual(1);
    const legs = await db.select().from(dossierTransferLegs);
    // The citizen's judicial record sits at the chain's second agency.
    expect(legs.some((l) => l.step === 1 && l.endedAt === null)).toBe(true);
    const apologised = await db.select().from(dossiers).where(isNotNull(dossiers.originalDueAt));
    expect(apologised.length).toBeGreaterThanOrEqual(1);
    for (const row of apologised) {
      expect(row.dueAt!.getTime()).toBeGreaterThan(row.originalDueAt!.getTime());
      // Late against the original date, in time for the new one.
      expect(row.finishedAt!.getTime()).toBeGreaterThan(row.originalDueAt!.getTime());
    }
  });

  it("publishes each decision as a step of its dossier's history, by a head of the competent agency", async () => {
    const rows = await db
      .select({ decision: decisions, dossier: dossiers })
      .from(decisions)
      .innerJoin(dossiers, eq(dossiers.id, decisions.dossierId));
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.action, "publish_decision"));
    expect(events).toHaveLength(rows.length);
    for (const { decision, dossier } of rows) {
      const event = events.find((e) => e.dossierId === dossier.id);
      expect(event, decision.number).toMatchObject({
        actorId: decision.publishedBy,
        at: decision.publishedAt,
        details: { number: decision.number, issuedOn: decision.issuedOn },
      });
      expect(decision.agencyId).toBe(dossier.competentAgencyId);
    }
  });

  it("puts no personal data in any decision: no name, ID number, phone or address of its dossier", async () => {
    const rows = await db
      .select({ decision: decisions, dossier: dossiers, phone: users.phone, email: users.email })
      .from(decisions)
      .innerJoin(dossiers, eq(dossiers.id, decisions.dossierId))
      .innerJoin(users, eq(users.id, dossiers.applicantId));
    expect(rows.length).toBeGreaterThan(0);
    const personal = /name|idnumber|phone|address|email|representative/i;
    for (const { decision, dossier, phone, email } of rows) {
      const values = [
        dossier.applicantName,
        phone,
        email,
        ...Object.entries(dossier.formData)
          .filter(([key, value]) => personal.test(key) && typeof value === "string")
          .map(([, value]) => value as string),
      ].filter((value): value is string => Boolean(value));
      // Names and streets also without their accents, as the register's search reads them.
      const published = [decision.summaryVi, decision.summaryEn, decision.searchText]
        .map(searchable)
        .join(" | ");
      for (const value of values)
        expect(published, `${decision.number}: ${value}`).not.toContain(searchable(value));
      // Nothing shaped like an ID number (12 digits) or a phone number (10).
      expect(published, decision.number).not.toMatch(/\d{9,}/);
    }
  });

  it("has the demo agencies with their identifiers", async () => {
    const rows = await db.select().from(agencies);
    expect(rows).toHaveLength(7);
    expect(rows.find((a) => a.code === "000.00.01.H33")?.kind).toBe("province_centre");
    expect(
      rows
        .filter((a) => a.kind === "commune_committee")
        .map((a) => a.unitCode)
        .sort(),
    ).toEqual(["11953", "13225"]);
    const competent = await db
      .select({ n: count() })
      .from(dossiers)
      .innerJoin(agencies, and(eq(agencies.id, dossiers.competentAgencyId), eq(agencies.kind, "police")));
    expect(competent[0]!.n).toBeGreaterThan(0);
  });

  it("does nothing the second time", async () => {
    expect(await seedDemo(db, { now })).toEqual({ seeded: false });
    expect((await db.select({ n: count() }).from(dossiers))[0]!.n).toBe(300);
  });
});
