import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffRoles, users } from "@/db/schema/identity";
import { outbox } from "@/db/schema/notify";
import { opinionForms, workspaceEvents } from "@/db/schema/workspace";
import { hashPassword } from "@/lib/identity/passwords";
import type { Actor } from "@/lib/identity/types";
import { createBody, removeBodyMember, setBodyMember } from "@/lib/meetings/bodies";
import { confirmIdentity } from "@/lib/meetings/confirm";
import { workspaceHistory } from "@/lib/meetings/events";
import {
  answerOpinionForm,
  approveOpinionForm,
  closeDueOpinionForms,
  confirmOpinionConclusion,
  createOpinionForm,
  draftOpinionConclusion,
  getOpinionForm,
  listOpinionForms,
  opinionWorkFor,
  remindOpinionMembers,
  returnOpinionForm,
  sendOpinionReminders,
  submitOpinionForm,
} from "@/lib/meetings/opinions";
import { isWorkspaceMember } from "@/lib/meetings/access";
import { openTestDatabase } from "../support/database";
import { createAgency } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let dataDir: string;
const previousDataDir = process.env.PORTAL_DATA_DIR;
const password = "Demo@12345";

type Staff = Extract<Actor, { kind: "staff" }> & { email: string };
const people: Record<string, Staff> = {};

async function person(key: string, name: string, roles: Staff["roles"] = []): Promise<Staff> {
  const email = `${key}-${Math.random().toString(16).slice(2, 8)}@example.gov.vn`;
  const [row] = await db
    .insert(users)
    .values({ email, fullName: name, kind: "staff", passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  if (roles.length > 0) await db.insert(staffRoles).values(roles.map((r) => ({ userId: row!.id, ...r })));
  return (people[key] = { kind: "staff", userId: row!.id, name, roles, email });
}

const pdf = (name: string) =>
  new File([Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")], name, {
    type: "application/pdf",
  });

let bodyId: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-workspace-"));
  process.env.PORTAL_DATA_DIR = dataDir;
  ({ db, close } = await openTestDatabase());
  const agency = await createAgency(db, { code: "VP-UBND" });
  await person("admin", "Quản Trị", [{ agencyId: agency.id, role: "system_admin" }]);
  // argon2 is slow: the people one after another, the hashes in parallel would not help on 2 cores.
  await person("chair", "Chủ Tịch");
  await person("vice", "Phó Chủ Tịch");
  await person("m1", "Ủy Viên Một");
  await person("m2", "Ủy Viên Hai");
  await person("secretary", "Thư Ký");
  await person("support", "Tham Mưu");
  await person("stranger", "Người Ngoài", [{ agencyId: agency.id, role: "head" }]);
});

afterAll(async () => {
  await close();
  if (previousDataDir === undefined) delete process.env.PORTAL_DATA_DIR;
  else process.env.PORTAL_DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a body and its members", () => {
  it("only the system administrator manages it; one chair, a secretary kept", async () => {
    const rule = {
      code: "ubnd-thu",
      nameVi: "UBND thử",
      nameEn: "Test committee",
      quorumPercent: "50",
      majorityPercent: "50",
      majorityBase: "all_members",
      chairBreaksTie: "yes",
      documentsAheadDays: "3",
    };
    expect(await createBody(people.chair!, rule)).toEqual({ ok: false, error: "forbidden" });
    const bad = await createBody(people.admin!, { ...rule, quorumPercent: "150", code: "Bad Code" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.issues ?? {}).sort()).toEqual(["code", "quorumPercent"]);
    const created = await createBody(people.admin!, rule);
    if (!created.ok) throw new Error(created.error);
    bodyId = created.value.id;
    expect((await createBody(people.admin!, rule)).ok).toBe(false);

    const add = (key: string, role: string, extra: Record<string, string> = {}) =>
      setBodyMember(people.admin!, bodyId, {
        email: people[key]!.email,
        role,
        title: `Chức danh ${key}`,
        ...extra,
      });
    expect((await add("chair", "chair")).ok).toBe(true);
    expect((await add("vice", "vice_chair")).ok).toBe(true);
    expect((await add("m1", "member")).ok).toBe(true);
    expect((await add("m2", "member")).ok).toBe(true);
    expect((await add("secretary", "secretary")).ok).toBe(true);
    expect((await add("support", "support")).ok).toBe(true);
    // A second chair is refused; the chair and the last secretary cannot be removed.
    expect(await add("vice", "chair")).toMatchObject({ ok: false, error: "two_chairs" });
    expect(await removeBodyMember(people.admin!, bodyId, people.chair!.userId)).toMatchObject({
      ok: false,
      error: "no_chair",
    });
    expect(await removeBodyMember(people.admin!, bodyId, people.secretary!.userId)).toMatchObject({
      ok: false,
      error: "no_secretary",
    });
    expect(await isWorkspaceMember(people.m1!)).toBe(true);
    expect(await isWorkspaceMember(people.stranger!)).toBe(false);
    const history = await workspaceHistory(db as never, { kind: "body", id: bodyId });
    expect(history.chainHolds).toBe(true);
    expect(history.events.map((e) => e.action)).toEqual([
      "body.created",
      ...Array(6).fill("body.member_added"),
    ]);
  });

  it("confirms a member by their password only", async () => {
    expect((await confirmIdentity(people.m1!, { method: "password", password })).ok).toBe(true);
    expect((await confirmIdentity(people.m1!, { method: "password", password: "wrong" })).ok).toBe(false);
    expect((await confirmIdentity({ kind: "anonymous" }, { method: "password", password })).ok).toBe(false);
  });
});

describe("a written opinion form", () => {
  let formId: string;
  const now = new Date("2026-12-02T02:00:00Z"); // Wednesday 09:00 in Vietnam

  it("is prepared by the secretary with its documents; classified files are refused", async () => {
    expect(
      await createOpinionForm(people.m1!, { bodyId, title: "T", question: "Q", workingDays: "3" }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    const classified = await createOpinionForm(
      people.secretary!,
      { bodyId, title: "Đề án", question: "Cho ý kiến", workingDays: "3" },
      { drafts: [pdf("Đề án TỐI MẬT.pdf")], requestLetter: null },
      now,
    );
    expect(classified).toMatchObject({ ok: false, error: "classified" });
    const missing = await createOpinionForm(people.secretary!, {
      bodyId,
      title: "",
      question: "",
      workingDays: "0",
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(Object.keys(missing.issues ?? {}).sort()).toEqual(["question", "title", "workingDays"]);

    const created = await createOpinionForm(
      people.secretary!,
      {
        bodyId,
        title: "Đề án phát triển du lịch",
        question: "Đề nghị cho ý kiến về dự thảo Đề án.",
        workingDays: "3",
      },
      { drafts: [pdf("du-thao-de-an.pdf")], requestLetter: pdf("cong-van-xin-y-kien.pdf") },
      now,
    );
    if (!created.ok) throw new Error(created.error);
    formId = created.value.id;
    expect(created.value.code).toMatch(/^PYK-2026-\d{4}$/);
    const seen = await getOpinionForm(people.secretary!, formId, now);
    if (!seen.ok) throw new Error(seen.error);
    expect(seen.value.files.map((f) => [f.role, f.fileName]).sort()).toEqual([
      ["draft", "du-thao-de-an.pdf"],
      ["request_letter", "cong-van-xin-y-kien.pdf"],
    ]);
    // A draft is the preparers' and the chair's: members do not see it yet.
    expect((await getOpinionForm(people.m1!, formId, now)).ok).toBe(false);
  });

  it("goes to the chair, who returns it once and then approves it (stale posts refused)", async () => {
    expect(await submitOpinionForm(people.secretary!, formId, 99)).toMatchObject({
      ok: false,
      error: "stale",
    });
    expect((await submitOpinionForm(people.secretary!, formId, 1)).ok).toBe(true);
    expect((await returnOpinionForm(people.chair!, formId, 2, "")).ok).toBe(false);
    expect((await returnOpinionForm(people.chair!, formId, 2, "Bổ sung báo cáo đánh giá tác động")).ok).toBe(
      true,
    );
    const back = await getOpinionForm(people.secretary!, formId, now);
    if (!back.ok) throw new Error(back.error);
    expect([back.value.status, back.value.returnedReason]).toEqual([
      "draft",
      "Bổ sung báo cáo đánh giá tác động",
    ]);
    expect((await submitOpinionForm(people.secretary!, formId, 3)).ok).toBe(true);
    expect(await approveOpinionForm(people.secretary!, formId, 4, now)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const approved = await approveOpinionForm(people.chair!, formId, 4, now);
    if (!approved.ok) throw new Error(approved.error);
    // Three working days after Wednesday 2 December: Monday 7 December, 17:00 in Vietnam.
    expect(approved.value.deadline.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    const notices = await db.select().from(outbox).where(eq(outbox.kind, "opinion.opened"));
    expect(notices.map((n) => n.recipientId).sort()).toEqual(
      [people.chair!, people.vice!, people.m1!, people.m2!].map((p) => p.userId).sort(),
    );
  });

  it("is nothing to a stranger", async () => {
    expect(await getOpinionForm(people.stranger!, formId, now)).toEqual({ ok: false, error: "not_found" });
    expect(await listOpinionForms(people.stranger!, now)).toEqual([]);
    expect(
      await answerOpinionForm(people.stranger!, formId, { answer: "agree", password }, now),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(
      await answerOpinionForm(people.support!, formId, { answer: "agree", password }, now),
    ).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("takes every member's answer, confirmed, and counts a tie by the chair's side", async () => {
    const at = new Date("2026-12-03T03:00:00Z");
    expect(
      await answerOpinionForm(people.vice!, formId, { answer: "disagree", comment: "", password }, at),
    ).toMatchObject({ ok: false, error: "invalid_input" });
    expect(
      await answerOpinionForm(people.vice!, formId, { answer: "agree", password: "nope" }, at),
    ).toMatchObject({ ok: false, error: "not_confirmed" });
    expect((await answerOpinionForm(people.vice!, formId, { answer: "agree", password }, at)).ok).toBe(true);
    // Changed until the deadline: the vice-chair now disagrees.
    expect(
      (
        await answerOpinionForm(
          people.vice!,
          formId,
          { answer: "disagree", comment: "Chưa đủ nguồn lực", password },
          at,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await answerOpinionForm(
          people.m1!,
          formId,
          { answer: "agree_with_comments", comment: "Bổ sung lộ trình", password },
          at,
        )
      ).ok,
    ).toBe(true);
    const work = await opinionWorkFor(people.chair!, at);
    expect(work.toAnswer.map((r) => r.id)).toEqual([formId]);
    // Answers are not shown to others while the form is open.
    const open = await getOpinionForm(people.chair!, formId, at);
    if (!open.ok) throw new Error(open.error);
    expect(open.value.members.every((m) => m.answer === null)).toBe(true);
    expect(
      (
        await answerOpinionForm(
          people.m2!,
          formId,
          { answer: "disagree", comment: "Không phù hợp", password },
          at,
        )
      ).ok,
    ).toBe(true);
    const last = await answerOpinionForm(people.chair!, formId, { answer: "agree", password }, at);
    expect(last).toEqual({ ok: true, value: { closed: true } });

    const closed = await getOpinionForm(people.m2!, formId, at);
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.value.status).toBe("closed");
    expect(closed.value.result).toMatchObject({
      yes: 2,
      no: 2,
      withComments: 1,
      quorum: true,
      outcome: "adopted",
      decidedByChair: true,
    });
    expect(closed.value.members.map((m) => [m.fullName, m.answer])).toEqual(
      expect.arrayContaining([
        ["Chủ Tịch", "agree"],
        ["Phó Chủ Tịch", "disagree"],
        ["Ủy Viên Một", "agree_with_comments"],
        ["Ủy Viên Hai", "disagree"],
      ]),
    );
    expect(await answerOpinionForm(people.m2!, formId, { answer: "agree", password }, at)).toMatchObject({
      ok: false,
      error: "wrong_status",
    });
  });

  it("is concluded by the secretary's draft and the chair's confirmation; its history holds", async () => {
    const form = await getOpinionForm(people.secretary!, formId);
    if (!form.ok) throw new Error(form.error);
    expect(await confirmOpinionConclusion(people.chair!, formId, form.value.version)).toMatchObject({
      ok: false,
      error: "wrong_status",
    });
    expect(
      (await draftOpinionConclusion(people.secretary!, formId, form.value.version, "Thông qua Đề án.")).ok,
    ).toBe(true);
    expect((await confirmOpinionConclusion(people.chair!, formId, form.value.version + 1)).ok).toBe(true);
    const [row] = await db.select().from(opinionForms).where(eq(opinionForms.id, formId));
    expect([row!.status, row!.conclusion]).toEqual(["concluded", "Thông qua Đề án."]);
    const history = await workspaceHistory(db as never, { kind: "opinion_form", id: formId });
    expect(history.chainHolds).toBe(true);
    expect(history.events.map((e) => e.action)).toEqual([
      "opinion.created",
      "opinion.submitted",
      "opinion.returned",
      "opinion.submitted",
      "opinion.opened",
      "opinion.answered",
      "opinion.answer_changed",
      "opinion.answered",
      "opinion.answered",
      "opinion.answered",
      "opinion.closed",
      "opinion.conclusion_drafted",
      "opinion.concluded",
    ]);
    // The log is append-only: a past event cannot be edited.
    await expect(
      db
        .update(workspaceEvents)
        .set({ details: { answer: "agree" } })
        .where(eq(workspaceEvents.id, history.events[6]!.id)),
    ).rejects.toThrow();
  });
});

describe("the deadline", () => {
  it("reminds on the last day, refuses a late answer, and closes the form", async () => {
    const opened = new Date("2026-12-02T02:00:00Z");
    const created = await createOpinionForm(
      people.support!,
      { bodyId, title: "Quy hoạch", question: "Cho ý kiến", workingDays: "1" },
      { drafts: [], requestLetter: null },
      opened,
    );
    if (!created.ok) throw new Error(created.error);
    const id = created.value.id;
    expect((await submitOpinionForm(people.support!, id, 1)).ok).toBe(true);
    const approved = await approveOpinionForm(people.chair!, id, 2, opened);
    if (!approved.ok) throw new Error(approved.error);
    expect(approved.value.deadline.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect((await answerOpinionForm(people.m1!, id, { answer: "agree", password }, opened)).ok).toBe(true);

    // Not due yet on the day it opened; due soon on the last working day, once.
    expect(await sendOpinionReminders(opened)).toBe(0);
    const lastDay = new Date("2026-12-03T01:00:00Z");
    expect(await sendOpinionReminders(lastDay)).toBe(3);
    expect(await sendOpinionReminders(lastDay)).toBe(0);
    const reminders = await db.select().from(outbox).where(eq(outbox.kind, "opinion.reminder"));
    expect(reminders.map((r) => r.recipientId).sort()).toEqual(
      [people.chair!, people.vice!, people.m2!].map((p) => p.userId).sort(),
    );
    const support = await db.select().from(outbox).where(eq(outbox.kind, "opinion.reminder_support"));
    expect(support.map((r) => r.recipientId)).toEqual([people.support!.userId]);
    const status = await getOpinionForm(people.support!, id, lastDay);
    if (!status.ok) throw new Error(status.error);
    expect(status.value.members.map((m) => m.status).sort()).toEqual([
      "answered",
      "due_soon",
      "due_soon",
      "due_soon",
    ]);

    // A preparer may remind now too (the page's button).
    const form = await getOpinionForm(people.support!, id, lastDay);
    if (!form.ok) throw new Error(form.error);
    expect(await remindOpinionMembers(people.support!, id, form.value.version, lastDay)).toEqual({
      ok: true,
      value: { reminded: 3 },
    });

    const late = new Date("2026-12-03T10:01:00Z");
    expect(await answerOpinionForm(people.m2!, id, { answer: "agree", password }, late)).toMatchObject({
      ok: false,
      error: "past_deadline",
    });
    expect(await closeDueOpinionForms(new Date("2026-12-03T09:59:00Z"))).toBe(0);
    expect(await closeDueOpinionForms(late)).toBe(1);
    const closed = await getOpinionForm(people.m2!, id, late);
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.value.status).toBe("closed");
    expect(closed.value.result).toMatchObject({ yes: 1, present: 1, outcome: "no_quorum" });
    expect(closed.value.members.filter((m) => m.status === "overdue")).toHaveLength(3);
    expect((await workspaceHistory(db as never, { kind: "opinion_form", id })).chainHolds).toBe(true);
  });
});
