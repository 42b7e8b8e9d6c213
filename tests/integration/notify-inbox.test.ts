import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { inboxNotices, outbox, users } from "@/db/schema";
import { performStaffAction } from "@/lib/dossiers/service";
import {
  listInbox,
  markAllInboxRead,
  markInboxNoticeRead,
  openInboxNotice,
  unreadInboxCount,
} from "@/lib/notify/inbox";
import { enqueue } from "@/lib/notify/outbox";
import { noticeSubject } from "@/lib/notify/templates";
import {
  createApplicant,
  createStaff,
  expectOk,
  fileDossier,
  openWorld,
  type World,
} from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
});

afterAll(async () => {
  await close();
});

/** Every inbox row of one person, oldest first. */
async function inboxOf(userId: string) {
  return db.select().from(inboxNotices).where(eq(inboxNotices.recipientId, userId)).orderBy(inboxNotices.id);
}

async function inboxKindsFor(userId: string, dossierId: string): Promise<string[]> {
  const rows = await db
    .select({ kind: inboxNotices.kind })
    .from(inboxNotices)
    .where(and(eq(inboxNotices.recipientId, userId), eq(inboxNotices.dossierId, dossierId)))
    .orderBy(inboxNotices.id);
  return rows.map((row) => row.kind);
}

describe("writing the inbox with the outbox", () => {
  it("a dossier change writes the applicant's inbox row, in the change's transaction", async () => {
    const { applicantA, receiver } = world;
    const filed = await fileDossier(applicantA, "1.001193");
    const accepted = expectOk(
      await performStaffAction(receiver, { action: "accept", code: filed.code!, version: filed.version }),
    );
    expect(accepted.status).toBe("received");
    const rows = await db
      .select()
      .from(inboxNotices)
      .where(and(eq(inboxNotices.recipientId, applicantA.userId), eq(inboxNotices.dossierId, filed.id)));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ kind: "dossier.accepted", readAt: null });
    expect(row!.payload).toMatchObject({ code: filed.code, status: "received", action: "accept" });
    // It points at the outbox row it was written with.
    const [source] = await db.select().from(outbox).where(eq(outbox.id, row!.outboxId!));
    expect(source).toMatchObject({ recipientId: applicantA.userId, kind: "dossier.accepted" });
  });

  it("an agency's notice reaches that agency's staff in the roles it is for, and nobody else", async () => {
    const { applicantA, receiver, receiver2, specialist, head, otherReceiver, otherSpecialist, sysadmin } =
      world;
    const filed = await fileDossier(applicantA, "1.001193");
    // Submitted: the receiving centre's desk.
    expect(await inboxKindsFor(receiver.userId, filed.id)).toEqual(["dossier.submitted"]);
    expect(await inboxKindsFor(receiver2.userId, filed.id)).toEqual(["dossier.submitted"]);
    for (const outsider of [specialist, head, otherReceiver, otherSpecialist, sysadmin]) {
      expect(await inboxKindsFor(outsider.userId, filed.id)).toEqual([]);
    }
    // Accepted: the deciding department's head assigns it; its specialist waits to be assigned.
    expectOk(
      await performStaffAction(receiver, { action: "accept", code: filed.code!, version: filed.version }),
    );
    expect(await inboxKindsFor(head.userId, filed.id)).toEqual(["dossier.accepted"]);
    expect(await inboxKindsFor(specialist.userId, filed.id)).toEqual([]);
    expect(await inboxKindsFor(otherSpecialist.userId, filed.id)).toEqual([]);
    expect(await inboxKindsFor(sysadmin.userId, filed.id)).toEqual([]);
  });

  it("someone who turned the inbox off gets no rows, as person or as staff", async () => {
    const { centre, receiver } = world;
    const quiet = await createApplicant(db, "Vũ Thị Yên Lặng");
    const quietReceiver = await createStaff(db, "Đinh Văn Tắt", [{ agencyId: centre.id, role: "receiver" }]);
    await db.update(users).set({ notifyInInbox: false }).where(eq(users.id, quiet.userId));
    await db.update(users).set({ notifyInInbox: false }).where(eq(users.id, quietReceiver.userId));
    const filed = await fileDossier(quiet, "1.001193");
    expectOk(
      await performStaffAction(receiver, { action: "accept", code: filed.code!, version: filed.version }),
    );
    expect(await inboxOf(quiet.userId)).toEqual([]);
    expect(await inboxOf(quietReceiver.userId)).toEqual([]);
    // The outbox still holds the notice: e-mail is a channel of its own.
    const notices = await db.select().from(outbox).where(eq(outbox.recipientId, quiet.userId));
    expect(notices.map((notice) => notice.kind)).toEqual(["dossier.accepted"]);
    // The other receiver, who kept it on, was told of the filing.
    expect(await inboxKindsFor(receiver.userId, filed.id)).toEqual(["dossier.submitted"]);
  });

  it("one change telling one person twice (two agencies that are one) writes one row", async () => {
    const { centre } = world;
    const both = await createStaff(db, "Mai Văn Hai Vai", [
      { agencyId: centre.id, role: "receiver" },
      { agencyId: centre.id, role: "head" },
    ]);
    const dossierId = "00000000-0000-4000-8000-000000000001";
    const payload = {
      dossierId,
      code: "TEST-1",
      status: "withdrawn",
      action: "withdraw",
      agencyId: centre.id,
    };
    await db.transaction(async (tx) => {
      await enqueue(tx, [
        { recipientId: null, kind: "dossier.withdrawn", payload },
        { recipientId: null, kind: "dossier.withdrawn", payload },
      ]);
    });
    expect((await inboxOf(both.userId)).map((row) => row.kind)).toEqual(["dossier.withdrawn"]);
  });

  it("a notice rolled back with its change leaves no inbox row", async () => {
    const { applicantB } = world;
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, [
          { recipientId: applicantB.userId, kind: "dossier.accepted", payload: { code: "X" } },
        ]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await inboxOf(applicantB.userId)).toEqual([]);
  });
});

describe("reading the inbox", () => {
  it("lists only the actor's notices, newest first, titled in the page's language", async () => {
    const { applicantA, applicantB } = world;
    const page = await listInbox(applicantA, "vi");
    expect(page.rows.length).toBeGreaterThan(0);
    const own = await inboxOf(applicantA.userId);
    expect(page.rows.map((row) => row.id)).toEqual(
      own
        .map((row) => row.id)
        .reverse()
        .slice(0, 20),
    );
    const first = page.rows[0]!;
    const stored = own.find((row) => row.id === first.id)!;
    expect(first.title).toBe(noticeSubject(stored.kind, stored.payload, "vi"));
    expect((await listInbox(applicantA, "en")).rows[0]!.title).toBe(
      noticeSubject(stored.kind, stored.payload, "en"),
    );
    expect(first).toMatchObject({
      read: false,
      dossierCode: stored.payload.code,
      procedureName: "Thủ tục 1.001193",
    });
    expect((await listInbox(applicantB, "vi")).rows).toEqual([]);
    expect(await listInbox({ kind: "anonymous" }, "vi")).toEqual({ rows: [], next: null, previous: null });
  });

  it("nobody reads or marks another person's notice", async () => {
    const { applicantA, applicantB, receiver } = world;
    const [notice] = await inboxOf(applicantA.userId);
    const before = await unreadInboxCount(applicantA);
    expect(await openInboxNotice(applicantB, String(notice!.id), "vi")).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await openInboxNotice(receiver, String(notice!.id), "vi")).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await markInboxNoticeRead(applicantB, notice!.id)).toEqual({ ok: false, error: "not_found" });
    expect(await openInboxNotice({ kind: "anonymous" }, String(notice!.id), "vi")).toEqual({
      ok: false,
      error: "not_found",
    });
    for (const junk of ["abc", "-1", "0", "1e3", "99999999999999999999", ""]) {
      expect(await openInboxNotice(applicantA, junk, "vi")).toEqual({ ok: false, error: "not_found" });
    }
    expect((await inboxOf(applicantA.userId)).find((row) => row.id === notice!.id)!.readAt).toBeNull();
    expect(await unreadInboxCount(applicantA)).toBe(before);
  });

  it("opening a notice marks it read, leads to the dossier, and the count falls", async () => {
    const { applicantA, receiver } = world;
    const before = await unreadInboxCount(applicantA);
    expect(before).toBeGreaterThan(0);
    const [notice] = (await inboxOf(applicantA.userId)).filter((row) => row.readAt === null);
    const code = String(notice!.payload.code);
    expect(expectOk(await openInboxNotice(applicantA, String(notice!.id), "en"))).toEqual({
      href: `/en/dossiers/${encodeURIComponent(code)}`,
    });
    expect(await unreadInboxCount(applicantA)).toBe(before - 1);
    const readAt = (await inboxOf(applicantA.userId)).find((row) => row.id === notice!.id)!.readAt;
    expect(readAt).not.toBeNull();
    // Opened again: still read at the first time, still leads there; the count stays.
    expect(expectOk(await openInboxNotice(applicantA, notice!.id, "vi")).href).toBe(
      `/vi/dossiers/${encodeURIComponent(code)}`,
    );
    expect((await inboxOf(applicantA.userId)).find((row) => row.id === notice!.id)!.readAt).toEqual(readAt);
    expect(await unreadInboxCount(applicantA)).toBe(before - 1);
    // Staff go to the staff page of the dossier.
    const [staffNotice] = await inboxOf(receiver.userId);
    const staffCode = String(staffNotice!.payload.code);
    expect(expectOk(await openInboxNotice(receiver, staffNotice!.id, "vi")).href).toBe(
      `/vi/staff/dossiers/${encodeURIComponent(staffCode)}`,
    );
  });

  it("marks all read, the actor's only", async () => {
    const { applicantA, receiver2 } = world;
    const others = await unreadInboxCount(receiver2);
    expect(others).toBeGreaterThan(0);
    expect(await unreadInboxCount(applicantA)).toBeGreaterThan(0);
    const marked = await markAllInboxRead(applicantA);
    expect(marked).toBeGreaterThan(0);
    expect(await unreadInboxCount(applicantA)).toBe(0);
    expect((await listInbox(applicantA, "vi")).rows.every((row) => row.read)).toBe(true);
    expect(await markAllInboxRead(applicantA)).toBe(0);
    expect(await unreadInboxCount(receiver2)).toBe(others);
    expect(await markAllInboxRead({ kind: "anonymous" })).toBe(0);
    expect(await unreadInboxCount({ kind: "anonymous" })).toBe(0);
  });

  it("pages through by keyset both ways", async () => {
    const reader = await createApplicant(db, "Lý Thị Nhiều Tin");
    // Seven notices in seven transactions, and two more in one (the same creation time).
    for (let i = 1; i <= 7; i++) {
      await db.transaction((tx) =>
        enqueue(tx, [{ recipientId: reader.userId, kind: "dossier.accepted", payload: { code: `P-${i}` } }]),
      );
    }
    await db.transaction((tx) =>
      enqueue(tx, [
        { recipientId: reader.userId, kind: "dossier.accepted", payload: { code: "P-8" } },
        { recipientId: reader.userId, kind: "dossier.refused", payload: { code: "P-9" } },
      ]),
    );
    const codes = (page: { rows: { dossierCode: string | null }[] }) =>
      page.rows.map((row) => row.dossierCode);
    const first = await listInbox(reader, "vi", { pageSize: 4 });
    expect(codes(first)).toEqual(["P-9", "P-8", "P-7", "P-6"]);
    expect(first.previous).toBeNull();
    const second = await listInbox(reader, "vi", { pageSize: 4, after: first.next! });
    expect(codes(second)).toEqual(["P-5", "P-4", "P-3", "P-2"]);
    const third = await listInbox(reader, "vi", { pageSize: 4, after: second.next! });
    expect(codes(third)).toEqual(["P-1"]);
    expect(third.next).toBeNull();
    const back = await listInbox(reader, "vi", { pageSize: 4, before: third.previous! });
    expect(codes(back)).toEqual(["P-5", "P-4", "P-3", "P-2"]);
    const start = await listInbox(reader, "vi", { pageSize: 4, before: back.previous! });
    expect(codes(start)).toEqual(["P-9", "P-8", "P-7", "P-6"]);
    expect(start.previous).toBeNull();
    // A cursor that is not one starts at the first page.
    expect(codes(await listInbox(reader, "vi", { pageSize: 4, after: "nonsense" }))).toEqual(codes(first));
    expect(await unreadInboxCount(reader)).toBe(9);
  });
});
