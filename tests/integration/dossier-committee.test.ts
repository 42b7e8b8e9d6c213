import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { opinionForms } from "@/db/schema/workspace";
import { committeeWorkOf } from "@/lib/dossiers/committee";
import { auditLog } from "@/db/schema/audit";
import { procedureNeedsCommittee } from "@/lib/catalog/service";
import { setCommitteeDecision } from "@/lib/catalog/versions";
import {
  addAgendaItem,
  createMeeting,
  listAgendaTargets,
  sendDossierToAgenda,
} from "@/lib/meetings/meetings";
import {
  createDossierRow,
  createStaff,
  expectOk,
  openWorld,
  type StaffActor,
  type World,
} from "../support/fixtures";
import { addMember, createBody, markCommitteeProcedure } from "../support/workspace";

/*
 * Which dossier goes to which body's agenda (lib/dossiers/committeeRules.ts, applied in
 * lib/dossiers/committee.ts), and what the staff dossier page shows of the bodies' work on it.
 */

let db: Db;
let world: World;
let close: () => Promise<void>;
let secretary: StaffActor;
let chair: StaffActor;
const now = new Date("2026-12-01T02:00:00Z");

/** A body (of an agency, or of none) with a secretary and chair, a planned meeting and one item. */
async function bodyWithItem(agencyId: string | null) {
  const body = await createBody(db, { agencyId });
  await addMember(db, body.id, chair.userId, "chair");
  await addMember(db, body.id, secretary.userId, "secretary");
  const meeting = expectOk(
    await createMeeting(
      secretary,
      { bodyId: body.id, title: "Phiên họp", startsAt: "2026-12-10T08:00", place: "Phòng họp 1" },
      now,
    ),
  );
  const item = expectOk(await addAgendaItem(secretary, meeting.id, { title: "Hồ sơ cần quyết định" }));
  return { body, meeting, item };
}

let seq = 0;
async function dossier(procedure: { id: string; versionId: string }, agencyId: string) {
  seq += 1;
  const code = `000.00.02.H33-261201-${String(seq).padStart(4, "0")}`;
  const row = await createDossierRow(db, {
    code,
    status: "in_progress",
    procedure,
    applicant: world.applicantA,
    agencyId,
  });
  return { code, id: row.id };
}

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  chair = await createStaff(db, "Chủ Tịch Thử", []);
  secretary = await createStaff(db, "Thư Ký Thử", []);
}, 60_000);

afterAll(async () => close());

describe("sending a dossier to an agenda", () => {
  it("refuses a dossier whose procedure does not need the committee's decision", async () => {
    const { item } = await bodyWithItem(world.justice.id);
    const { code } = await dossier(world.communeProcedure, world.justice.id);
    const refused = await sendDossierToAgenda(world.specialist, { dossierCode: code, itemId: item.id });
    expect(refused).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { dossierCode: ["meetings.errors.dossier_not_committee"] },
    });
    await markCommitteeProcedure(db, world.communeProcedure.id);
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode: code, itemId: item.id }));
    await markCommitteeProcedure(db, world.communeProcedure.id, false);
  });

  it("a body of an agency takes that agency's dossiers only; a body of no agency takes any agency's", async () => {
    await markCommitteeProcedure(db, world.procedure.id);
    // An officer of the Department of Justice who also sits in another agency's body: that body
    // may not decide the department's dossier.
    const other = await bodyWithItem(world.otherJustice.id);
    await addMember(db, other.body.id, world.specialist.userId, "member");
    const first = await dossier(world.procedure, world.justice.id);
    expect(
      await sendDossierToAgenda(world.specialist, { dossierCode: first.code, itemId: other.item.id }),
    ).toMatchObject({ ok: false, issues: { dossierCode: ["meetings.errors.dossier_wrong_agency"] } });

    // The provincial people's committee (no agency) takes it.
    const province = await bodyWithItem(null);
    expectOk(
      await sendDossierToAgenda(world.specialist, { dossierCode: first.code, itemId: province.item.id }),
    );

    // The agenda targets offered for the dossier: its agency's bodies and the agency-less ones.
    const targets = await listAgendaTargets(world.specialist, world.justice.id);
    expect(targets.map((t) => t.itemId)).toContain(province.item.id);
    expect(targets.map((t) => t.itemId)).not.toContain(other.item.id);
  });
});

describe("the bodies' work on a dossier, as the staff dossier page shows it", () => {
  it("gives members the details and links, other officials the meeting's code and date only", async () => {
    await markCommitteeProcedure(db, world.procedure.id);
    const { body, meeting, item } = await bodyWithItem(null);
    const { code, id } = await dossier(world.procedure, world.justice.id);
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode: code, itemId: item.id }));
    await db.insert(opinionForms).values([
      {
        bodyId: body.id,
        code: `PYK-T-${seq}-1`,
        title: "Lấy ý kiến",
        question: "?",
        status: "open",
        dossierId: id,
        preparedBy: secretary.userId,
      },
      {
        bodyId: body.id,
        code: `PYK-T-${seq}-2`,
        title: "Nháp",
        question: "?",
        status: "draft",
        dossierId: id,
        preparedBy: secretary.userId,
      },
    ]);

    const forChair = (await committeeWorkOf(chair, code))!;
    // The chair sits in the body but has no casework role: the dossier itself is not theirs to see.
    expect(forChair).toBeNull();

    const forOfficer = (await committeeWorkOf(world.specialist, code))!;
    expect(forOfficer.needsCommitteeDecision).toBe(true);
    expect(forOfficer.agendaItems).toEqual([
      expect.objectContaining({
        linked: false,
        meetingCode: meeting.code,
        meetingTitle: null,
        itemTitle: null,
      }),
    ]);
    // A draft form is not yet the body's work: a non-member does not see it.
    expect(forOfficer.opinionForms).toEqual([
      expect.objectContaining({ linked: false, title: null, status: "open" }),
    ]);

    // The head of the agency, made the body's secretary, gets the links and the draft too.
    await addMember(db, body.id, world.head.userId, "secretary");
    const forMember = (await committeeWorkOf(world.head, code))!;
    expect(forMember.agendaItems).toEqual([
      expect.objectContaining({
        linked: true,
        meetingId: meeting.id,
        itemTitle: "Hồ sơ cần quyết định",
        itemStatus: "pending",
      }),
    ]);
    expect(forMember.opinionForms.map((f) => [f.linked, f.status])).toEqual([
      [true, "open"],
      [true, "draft"],
    ]);

    // Another province's officer does not see the dossier, nor its committee work.
    expect(await committeeWorkOf(world.otherSpecialist, code)).toBeNull();
  });
});

describe("the procedure's flag", () => {
  it("is set by a system administrator only, applies at once and is audited", async () => {
    const code = "1.000894";
    expect(await setCommitteeDecision(world.head, code, true)).toEqual({ ok: false, error: "forbidden" });
    expectOk(await setCommitteeDecision(world.sysadmin, code, true));
    expect(await procedureNeedsCommittee(world.otherProcedure.id)).toBe(true);
    expect(await setCommitteeDecision(world.sysadmin, code, true)).toEqual({
      ok: true,
      value: { changed: false },
    });
    expectOk(await setCommitteeDecision(world.sysadmin, code, false));
    expect(await procedureNeedsCommittee(world.otherProcedure.id)).toBe(false);
    const audited = await db.select().from(auditLog);
    expect(
      audited.filter((row) => row.action === "procedure.committee_decision_set").map((row) => row.details),
    ).toEqual([
      { code, before: false, after: true },
      { code, before: true, after: false },
    ]);
  });
});
