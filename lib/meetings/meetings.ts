import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  agendaContributions,
  agendaItemDossiers,
  agendaItems,
  bodies,
  meetingAttendance,
  meetingGuests,
  meetings,
  minutes,
  votes,
  workspaceEvents,
  workspaceFiles,
} from "@/db/schema/workspace";
import { dossierCodes, noteReleasedFromCommittee, noteSentToCommittee } from "@/lib/dossiers/committee";
import { storeFile, readStoredFile } from "@/lib/files/storage";
import { contactsOf } from "@/lib/identity/accounts";
import { staffUserByEmail } from "@/lib/identity/accounts";

const staffIdByEmail = async (email: string) => (await staffUserByEmail(email))?.id ?? null;
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import { enqueue } from "@/lib/notify/outbox";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import { looksClassified } from "./classified";
import { recordWorkspaceEvent } from "./events";
import {
  isUuid,
  meetingEvent,
  meetingOfItem,
  touchMeeting,
  withMeeting,
  type MeetingContext,
  type MeetingError,
  type MeetingRow,
  type Seen,
} from "./core";
import {
  bodiesPreparedBy,
  guestsOf,
  isVoting,
  mayAttend,
  mayPrepare,
  mayRun,
  meetingInvitees,
  meetingRoleOf,
  meetingSeenBy,
  memberRoleOf,
  may,
  membersOfBodies,
  type MeetingRole,
} from "./access";
import type { VoteCount } from "./rules";
import { deferrable, openForSpeakers, reasonProblem } from "./agendaRules";

/*
 * Meetings before the session (lib/meetings): the secretary prepares a meeting of a body (time,
 * place or online link, agenda items with presenter and documents, guests), publishes it (the
 * documents go to members, at least the body's documents_ahead_days before, unless the chair
 * allows it late); members answer the invitation, send comments in advance and ask to speak.
 * Every change is a workspace event in the same transaction. The session is votes.ts; the minutes
 * minutes.ts.
 */

const text = (max: number) => z.string().trim().min(1, "errors.required").max(max, "errors.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const createMeetingSchema = z
  .object({
    bodyId: z.string().refine(isUuid, "errors.required"),
    title: text(300),
    /** "2026-12-20T08:00" in Vietnam's time, or an ISO date-time. */
    startsAt: z.string().trim().min(1, "errors.required"),
    place: optionalText(300),
    onlineUrl: optionalText(500).refine(
      (value) => value == null || /^https:\/\/[^\s]+$/.test(value),
      "meetings.errors.url",
    ),
  })
  .refine((value) => value.place || value.onlineUrl, {
    message: "meetings.errors.placeOrOnline",
    path: ["place"],
  });

export type CreateMeetingInput = z.input<typeof createMeetingSchema>;

/** A local time typed in a form ("2026-12-20T08:00") is Vietnam's (UTC+7, no daylight saving). */
export function parseStartsAt(value: string): Date | null {
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date;
}

export async function createMeeting(
  actor: Actor,
  input: CreateMeetingInput,
  now: Date = new Date(),
): Promise<Result<{ id: string; code: string }, MeetingError>> {
  const parsed = createMeetingSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const startsAt = parseStartsAt(parsed.data.startsAt);
  if (!startsAt) return err("invalid_input", { startsAt: ["errors.date"] });
  if (startsAt <= now) return err("invalid_input", { startsAt: ["meetings.errors.dateInPast"] });
  if (actor.kind !== "staff") return err("not_found");
  const db = await getDb();
  const prepared = await bodiesPreparedBy(actor, db);
  if (!prepared.some((body) => body.id === parsed.data.bodyId)) return err("not_found");
  return db.transaction(async (tx) => {
    // The code counts the year's meetings; the advisory lock keeps two at once from taking one number.
    const year = startsAt.getUTCFullYear();
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`meeting-code-${year}`}))`);
    const [{ count }] = (await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(meetings)
      .where(sql`${meetings.code} like ${`HOP-${year}-%`}`)) as [{ count: number }];
    const code = `HOP-${year}-${String(count + 1).padStart(4, "0")}`;
    const [row] = await tx
      .insert(meetings)
      .values({
        bodyId: parsed.data.bodyId,
        code,
        title: parsed.data.title,
        startsAt,
        place: parsed.data.place ?? null,
        onlineUrl: parsed.data.onlineUrl ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: meetings.id });
    await recordWorkspaceEvent(tx, {
      subjectKind: "meeting",
      subjectId: row!.id,
      actorId: actor.userId,
      action: "create",
      details: { code, title: parsed.data.title, startsAt: startsAt.toISOString() },
    });
    return ok({ id: row!.id, code });
  });
}

const editable = (meeting: MeetingRow) => meeting.status === "planned" || meeting.status === "published";

export const agendaItemSchema = z.object({
  title: text(300),
  summary: optionalText(4000),
  presenterId: z
    .string()
    .optional()
    .nullable()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isUuid(value), "errors.required"),
});

export async function addAgendaItem(
  actor: Actor,
  meetingId: string,
  input: z.input<typeof agendaItemSchema>,
  seen: Seen = {},
): Promise<Result<{ id: string }, MeetingError>> {
  const parsed = agendaItemSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  return withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => {
      if (!editable(context.meeting)) return err("invalid_state");
      const { tx } = context;
      if (parsed.data.presenterId) {
        const member = await memberRoleOf(parsed.data.presenterId, context.body.id, tx);
        if (!member) return err("invalid_input", { presenterId: ["errors.required"] });
      }
      const [{ last }] = (await tx
        .select({ last: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))) as [{ last: number }];
      const [row] = await tx
        .insert(agendaItems)
        .values({
          meetingId,
          position: last + 1,
          title: parsed.data.title,
          summary: parsed.data.summary ?? null,
          presenterId: parsed.data.presenterId,
        })
        .returning({ id: agendaItems.id });
      await meetingEvent(context, "add_item", { itemId: row!.id, title: parsed.data.title });
      await touchMeeting(context);
      return ok({ id: row!.id });
    },
    { seen },
  );
}

/** Moves an item one place up or down the agenda (swapping with its neighbour). */
export async function moveAgendaItem(
  actor: Actor,
  itemId: string,
  direction: "up" | "down",
  seen: Seen = {},
): Promise<Result<null, MeetingError>> {
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  return withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => {
      if (!editable(context.meeting)) return err("invalid_state");
      const items = await context.tx
        .select({ id: agendaItems.id, position: agendaItems.position })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position));
      const index = items.findIndex((item) => item.id === itemId);
      const other = items[direction === "up" ? index - 1 : index + 1];
      if (index < 0 || !other) return ok(null);
      const item = items[index]!;
      await context.tx
        .update(agendaItems)
        .set({ position: other.position })
        .where(eq(agendaItems.id, item.id));
      await context.tx
        .update(agendaItems)
        .set({ position: item.position })
        .where(eq(agendaItems.id, other.id));
      await meetingEvent(context, "move_item", { itemId, direction });
      await touchMeeting(context);
      return ok(null);
    },
    { seen },
  );
}

/**
 * A document of an agenda item (a draft decision, a report). Classified material is refused by
 * its name or description; the bytes are checked and stored by lib/files.
 */
export async function addItemDocument(
  actor: Actor,
  itemId: string,
  input: { fileName: string; description?: string | null; bytes: Uint8Array },
  seen: Seen = {},
): Promise<Result<{ id: string }, MeetingError>> {
  const fileName = input.fileName.trim();
  if (!fileName || input.bytes.byteLength === 0) return err("invalid_input", { file: ["errors.required"] });
  if (looksClassified(fileName, input.description)) return err("classified", { file: ["classified"] });
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  // Check access before storing anything.
  const allowed = await withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => (editable(context.meeting) ? ok(null) : err("invalid_state")),
    { seen, read: true },
  );
  if (!allowed.ok) return allowed;
  const stored = await storeFile({ fileName, bytes: input.bytes });
  if (!stored.ok) return err("file_refused", { file: [`dossiers:errors.${stored.error}`] });
  return withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => {
      if (!editable(context.meeting)) return err("invalid_state");
      const [row] = await context.tx
        .insert(workspaceFiles)
        .values({
          ownerKind: "agenda_item",
          ownerId: itemId,
          role: "document",
          fileName,
          mediaType: stored.value.mediaType,
          size: stored.value.size,
          sha256: stored.value.sha256,
          storageKey: stored.value.storageKey,
          uploadedBy: context.userId,
        })
        .returning({ id: workspaceFiles.id });
      await meetingEvent(context, "add_document", {
        itemId,
        fileId: row!.id,
        fileName,
        sha256: stored.value.sha256,
      });
      await touchMeeting(context);
      return ok({ id: row!.id });
    },
    { seen },
  );
}

/** A document's bytes, for a member or guest of its meeting (not_found for anyone else). */
export async function readItemDocument(
  actor: Actor,
  fileId: string,
): Promise<Result<{ fileName: string; mediaType: string; bytes: Uint8Array }, MeetingError>> {
  if (actor.kind !== "staff" || !isUuid(fileId)) return err("not_found");
  const db = await getDb();
  const [file] = await db
    .select({
      fileName: workspaceFiles.fileName,
      mediaType: workspaceFiles.mediaType,
      storageKey: workspaceFiles.storageKey,
      meetingId: agendaItems.meetingId,
      bodyId: meetings.bodyId,
    })
    .from(workspaceFiles)
    .innerJoin(agendaItems, eq(agendaItems.id, workspaceFiles.ownerId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(workspaceFiles.id, fileId), eq(workspaceFiles.ownerKind, "agenda_item")))
    .limit(1);
  if (!file || !(await meetingRoleOf(actor, { id: file.meetingId, bodyId: file.bodyId }, db)))
    return err("not_found");
  return ok({
    fileName: file.fileName,
    mediaType: file.mediaType,
    bytes: await readStoredFile(file.storageKey),
  });
}

/** Invites a guest (a staff account, by e-mail): they see the meeting and speak, and do not vote. */
export async function inviteGuest(
  actor: Actor,
  meetingId: string,
  email: string,
  seen: Seen = {},
): Promise<Result<{ userId: string }, MeetingError>> {
  const address = email.trim();
  if (!address || address.length > 320) return err("invalid_input", { email: ["errors.required"] });
  const userId = await staffIdByEmail(address);
  if (!userId) return err("invalid_input", { email: ["meetings.errors.noSuchStaff"] });
  return withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => {
      if (!editable(context.meeting)) return err("invalid_state");
      const member = await memberRoleOf(userId, context.meeting.bodyId, context.tx);
      if (member) return ok({ userId });
      await context.tx
        .insert(meetingGuests)
        .values({ meetingId, userId, invitedBy: context.userId })
        .onConflictDoNothing();
      await meetingEvent(context, "invite_guest", { userId });
      await touchMeeting(context);
      return ok({ userId });
    },
    { seen },
  );
}

/**
 * Publishes the meeting: its documents go to every member and guest (a notice each). Refused when
 * fewer than the body's documents_ahead_days remain before the start, unless the chair publishes
 * it and says the late sending is allowed.
 */
export async function publishMeeting(
  actor: Actor,
  meetingId: string,
  input: { allowLate?: boolean } = {},
  now: Date = new Date(),
  seen: Seen = {},
): Promise<Result<{ late: boolean }, MeetingError>> {
  return withMeeting(
    actor,
    meetingId,
    may("publish"),
    async (context) => {
      const { meeting, body, tx } = context;
      if (meeting.status !== "planned") return err("invalid_state");
      const [{ items }] = (await tx
        .select({ items: sql<number>`count(*)::int` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))) as [{ items: number }];
      if (items === 0) return err("invalid_state");
      const late = meeting.startsAt.getTime() - now.getTime() < body.documentsAheadDays * 24 * 3600 * 1000;
      if (late && !(context.role === "chair" && input.allowLate === true)) return err("too_late");
      await touchMeeting(context, { status: "published", publishedAt: now });
      const recipients = await meetingInvitees(meeting, tx);
      await enqueue(
        tx,
        recipients.map((recipientId) => ({
          recipientId,
          kind: "meeting.published",
          payload: {
            meetingId,
            // The notice's link is the meeting's page (lib/notify noticeLink), not a dossier's.
            code: meeting.code,
            title: meeting.title,
            startsAt: meeting.startsAt.toISOString(),
            body: { nameVi: body.nameVi, nameEn: body.nameEn },
            link: `/workspace/meetings/${meetingId}`,
          },
        })),
        { actorId: context.userId },
      );
      await meetingEvent(context, "publish", {
        late,
        allowedBy: late ? context.userId : null,
        recipients: recipients.length,
      });
      return ok({ late });
    },
    { seen },
  );
}

export const responseSchema = z
  .object({
    response: z.enum(["attending", "absent", "delegated"], "errors.required"),
    reason: optionalText(1000),
    delegateEmail: optionalText(320),
  })
  .refine((value) => value.response !== "absent" || value.reason, {
    message: "errors.required",
    path: ["reason"],
  })
  .refine((value) => value.response !== "delegated" || value.delegateEmail, {
    message: "errors.required",
    path: ["delegateEmail"],
  });

/** A member or guest answers the invitation: attending, absent with a reason, or sending a delegate. */
export async function respondToInvitation(
  actor: Actor,
  meetingId: string,
  input: z.input<typeof responseSchema>,
  now: Date = new Date(),
): Promise<Result<null, MeetingError>> {
  const parsed = responseSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const delegateId =
    parsed.data.response === "delegated" ? await staffIdByEmail(parsed.data.delegateEmail ?? "") : null;
  if (parsed.data.response === "delegated" && !delegateId)
    return err("invalid_input", { delegateEmail: ["meetings.errors.noSuchStaff"] });
  return withMeeting(actor, meetingId, mayAttend, async (context) => {
    if (!editable(context.meeting)) return err("invalid_state");
    const values = {
      response: parsed.data.response,
      reason: parsed.data.reason ?? null,
      delegateId,
      respondedAt: now,
    };
    await context.tx
      .insert(meetingAttendance)
      .values({ meetingId, userId: context.userId, ...values })
      .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.userId], set: values });
    await meetingEvent(context, "respond", {
      response: values.response,
      reason: values.reason,
      delegateId,
    });
    await touchMeeting(context);
    return ok(null);
  });
}

export const contributionSchema = z.object({
  kind: z.enum(["comment", "speak"], "errors.required"),
  text: optionalText(4000),
});

/** A comment in advance, or a request to speak on an item (the speakers' queue). */
export async function addContribution(
  actor: Actor,
  itemId: string,
  input: z.input<typeof contributionSchema>,
): Promise<Result<{ id: string }, MeetingError>> {
  const parsed = contributionSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  if (parsed.data.kind === "comment" && !parsed.data.text)
    return err("invalid_input", { text: ["errors.required"] });
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  return withMeeting(actor, meetingId, mayAttend, async (context) => {
    const open = context.meeting.status === "published" || context.meeting.status === "in_session";
    if (!open) return err("invalid_state");
    const [item] = await context.tx
      .select({ status: agendaItems.status })
      .from(agendaItems)
      .where(eq(agendaItems.id, itemId));
    if (!item || (parsed.data.kind === "speak" && !openForSpeakers(item.status))) return err("invalid_state");
    if (parsed.data.kind === "speak") {
      const [waiting] = await context.tx
        .select({ id: agendaContributions.id })
        .from(agendaContributions)
        .where(
          and(
            eq(agendaContributions.itemId, itemId),
            eq(agendaContributions.userId, context.userId),
            eq(agendaContributions.kind, "speak"),
            inArray(agendaContributions.speakStatus, ["waiting", "speaking"]),
          ),
        );
      if (waiting) return ok({ id: waiting.id });
    }
    const [row] = await context.tx
      .insert(agendaContributions)
      .values({
        itemId,
        userId: context.userId,
        kind: parsed.data.kind,
        text: parsed.data.text ?? null,
        speakStatus: parsed.data.kind === "speak" ? "waiting" : null,
      })
      .returning({ id: agendaContributions.id });
    await meetingEvent(context, parsed.data.kind === "speak" ? "request_to_speak" : "comment", {
      itemId,
      contributionId: row!.id,
    });
    await touchMeeting(context);
    return ok({ id: row!.id });
  });
}

/**
 * Releases the dossiers still on these items (not yet returned with a conclusion): each dossier's
 * history says why (deferred, or the meeting cancelled) with the reason, and its agenda link is
 * marked returned, so it can be sent to another meeting. In the caller's transaction.
 */
async function releaseDossiers(
  context: MeetingContext,
  items: { id: string; title: string }[],
  why: "deferred" | "cancelled",
  reason: string,
  now: Date,
): Promise<string[]> {
  if (items.length === 0) return [];
  const itemIds = items.map((item) => item.id);
  const links = await context.tx
    .select({ itemId: agendaItemDossiers.itemId, dossierId: agendaItemDossiers.dossierId })
    .from(agendaItemDossiers)
    .where(and(inArray(agendaItemDossiers.itemId, itemIds), isNull(agendaItemDossiers.returnedAt)));
  const codes: string[] = [];
  for (const link of links) {
    const noted = await noteReleasedFromCommittee(
      context.tx,
      {
        dossierId: link.dossierId,
        actorId: context.userId,
        why,
        reason,
        meetingCode: context.meeting.code,
        itemTitle: items.find((item) => item.id === link.itemId)?.title ?? "",
      },
      now,
    );
    if (noted.ok) codes.push(noted.value.code);
  }
  if (links.length > 0)
    await context.tx
      .update(agendaItemDossiers)
      .set({ returnedAt: now })
      .where(and(inArray(agendaItemDossiers.itemId, itemIds), isNull(agendaItemDossiers.returnedAt)));
  return codes;
}

/**
 * The secretary or the chair cancels a meeting that has not started (planned or published), with a
 * reason. Everyone it was sent to (members and guests, if it had been published) is told, with the
 * reason; the dossiers on its undecided items go back to their desks; the meeting stays, read-only.
 */
export async function cancelMeeting(
  actor: Actor,
  meetingId: string,
  reason: string,
  seen: Seen = {},
  now: Date = new Date(),
): Promise<Result<{ told: number; dossiers: string[] }, MeetingError>> {
  const problem = reasonProblem(reason);
  if (problem) return err("invalid_input", { reason: [problem] });
  const parsed = { data: reason.trim() };
  return withMeeting(
    actor,
    meetingId,
    (role) => mayPrepare(role) || role === "chair",
    async (context) => {
      const { meeting, body, tx } = context;
      if (!editable(meeting)) return err("invalid_state");
      const items = await tx
        .select({ id: agendaItems.id, title: agendaItems.title })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.status, "pending")));
      const dossiers = await releaseDossiers(context, items, "cancelled", parsed.data, now);
      await touchMeeting(context, { status: "cancelled", currentItemId: null });
      // Only a published meeting was sent to anyone; a planned one is known to its preparers only.
      const recipients =
        meeting.status === "published"
          ? (await meetingInvitees(meeting, tx)).filter((userId) => userId !== context.userId)
          : [];
      await enqueue(
        tx,
        recipients.map((recipientId) => ({
          recipientId,
          kind: "meeting.cancelled",
          payload: {
            meetingId,
            code: meeting.code,
            title: meeting.title,
            startsAt: meeting.startsAt.toISOString(),
            body: { nameVi: body.nameVi, nameEn: body.nameEn },
            link: `/workspace/meetings/${meetingId}`,
            details: { reason: parsed.data },
          },
        })),
        { actorId: context.userId },
      );
      await meetingEvent(context, "cancel", {
        reason: parsed.data,
        from: meeting.status,
        recipients: recipients.length,
        dossiers,
      });
      return ok({ told: recipients.length, dossiers });
    },
    { seen },
  );
}

/**
 * The secretary or the chair defers an item not yet decided (before or during the session, not
 * while its vote is open), with a reason: it no longer waits for a vote, and its dossiers go back to
 * their desks (their histories say so) to be sent to a later meeting.
 */
export async function deferAgendaItem(
  actor: Actor,
  itemId: string,
  reason: string,
  seen: Seen = {},
  now: Date = new Date(),
): Promise<Result<{ dossiers: string[] }, MeetingError>> {
  const problem = reasonProblem(reason);
  if (problem) return err("invalid_input", { reason: [problem] });
  const parsed = { data: reason.trim() };
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  return withMeeting(
    actor,
    meetingId,
    (role) => mayPrepare(role) || mayRun(role),
    async (context) => {
      const open = editable(context.meeting) || context.meeting.status === "in_session";
      if (!open) return err("invalid_state");
      const [item] = await context.tx.select().from(agendaItems).where(eq(agendaItems.id, itemId));
      if (!item || !deferrable(item.status)) return err("invalid_state");
      await context.tx.update(agendaItems).set({ status: "deferred" }).where(eq(agendaItems.id, itemId));
      // Its speakers' queue is over: nobody waits to speak on an item no longer discussed.
      await context.tx
        .update(agendaContributions)
        .set({ speakStatus: "withdrawn" })
        .where(
          and(
            eq(agendaContributions.itemId, itemId),
            eq(agendaContributions.kind, "speak"),
            eq(agendaContributions.speakStatus, "waiting"),
          ),
        );
      const dossiers = await releaseDossiers(
        context,
        [{ id: item.id, title: item.title }],
        "deferred",
        parsed.data,
        now,
      );
      await touchMeeting(context, context.meeting.currentItemId === itemId ? { currentItemId: null } : {});
      await meetingEvent(context, "defer_item", { itemId, reason: parsed.data, dossiers });
      return ok({ dossiers });
    },
    { seen },
  );
}

/** A member withdraws their own request to speak on an item while it still waits its turn. */
export async function withdrawSpeakRequest(
  actor: Actor,
  itemId: string,
): Promise<Result<null, MeetingError>> {
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  return withMeeting(actor, meetingId, mayAttend, async (context) => {
    const withdrawn = await context.tx
      .update(agendaContributions)
      .set({ speakStatus: "withdrawn" })
      .where(
        and(
          eq(agendaContributions.itemId, itemId),
          eq(agendaContributions.userId, context.userId),
          eq(agendaContributions.kind, "speak"),
          eq(agendaContributions.speakStatus, "waiting"),
        ),
      )
      .returning({ id: agendaContributions.id });
    if (withdrawn.length === 0) return err("invalid_state");
    await meetingEvent(context, "withdraw_speak", { itemId, contributionId: withdrawn[0]!.id });
    await touchMeeting(context);
    return ok(null);
  });
}

/**
 * Staff of the dossier's competent agency send an in-progress dossier to an item of a planned or
 * published meeting of a body of their agency (or of which they are a member). The dossier's own
 * history notes it (lib/dossiers/committee), the meeting's too, in one transaction.
 */
export async function sendDossierToAgenda(
  actor: Actor,
  input: { dossierCode: string; itemId: string },
  now: Date = new Date(),
): Promise<Result<{ meetingId: string }, MeetingError>> {
  if (actor.kind !== "staff") return err("not_found");
  const meetingId = await meetingOfItem(input.itemId);
  if (!meetingId) return err("not_found");
  const db = await getDb();
  const [target] = await db
    .select({ bodyId: meetings.bodyId, agencyId: bodies.agencyId })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId));
  if (!target) return err("not_found");
  // A body of one agency takes that agency's dossiers; a body of no agency (the provincial
  // people's committee) decides for every agency, so any caseworker may send it one.
  const ofAgency = target.agencyId
    ? caseworkAgencyIds(actor).includes(target.agencyId)
    : caseworkAgencyIds(actor).length > 0;
  return withMeeting(
    actor,
    meetingId,
    (role) => role !== null || ofAgency,
    async (context) => {
      if (!editable(context.meeting)) return err("invalid_state");
      const [item] = await context.tx
        .select({ title: agendaItems.title, status: agendaItems.status })
        .from(agendaItems)
        .where(eq(agendaItems.id, input.itemId));
      if (!item || item.status !== "pending") return err("invalid_state");
      const noted = await noteSentToCommittee(
        context.tx,
        actor,
        input.dossierCode.trim(),
        { meetingCode: context.meeting.code, itemTitle: item.title },
        { agencyId: target.agencyId },
        now,
      );
      if (!noted.ok)
        return err(noted.error === "invalid_state" ? "invalid_state" : "invalid_input", {
          dossierCode: [`meetings.errors.dossier_${noted.error}`],
        });
      const inserted = await context.tx
        .insert(agendaItemDossiers)
        .values({ itemId: input.itemId, dossierId: noted.value.id, sentBy: context.userId, sentAt: now })
        .onConflictDoNothing()
        .returning({ itemId: agendaItemDossiers.itemId });
      if (inserted.length === 0) return err("invalid_state");
      // One agenda at a time: a dossier still on another item (not concluded, deferred or its
      // meeting cancelled: those mark the link returned) is refused, under the dossier's row lock.
      const [elsewhere] = await context.tx
        .select({ itemId: agendaItemDossiers.itemId })
        .from(agendaItemDossiers)
        .where(
          and(
            eq(agendaItemDossiers.dossierId, noted.value.id),
            isNull(agendaItemDossiers.returnedAt),
            sql`${agendaItemDossiers.itemId} <> ${input.itemId}`,
          ),
        )
        .limit(1);
      if (elsewhere) return err("invalid_state", { dossierCode: ["meetings.errors.dossier_on_agenda"] });
      await meetingEvent(context, "add_dossier", { itemId: input.itemId, dossierCode: noted.value.code });
      await touchMeeting(context);
      return ok({ meetingId });
    },
    { outsider: ofAgency },
  );
}

/**
 * Agenda items a dossier can be sent to: pending items of planned or published meetings of the
 * officer's agencies' bodies and of the bodies of no agency (the provincial people's committee);
 * given the dossier's competent agency, only the bodies that decide for it (committeeRules.ts).
 */
export async function listAgendaTargets(actor: Actor, dossierAgencyId?: string) {
  if (actor.kind !== "staff") return [];
  const agencyIds = caseworkAgencyIds(actor).filter((id) => !dossierAgencyId || id === dossierAgencyId);
  if (agencyIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      itemId: agendaItems.id,
      itemTitle: agendaItems.title,
      meetingId: meetings.id,
      meetingCode: meetings.code,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        or(inArray(bodies.agencyId, agencyIds), isNull(bodies.agencyId)),
        inArray(meetings.status, ["planned", "published"]),
        eq(agendaItems.status, "pending"),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
}

/** The meetings the actor sees: those of their bodies and those they are invited to, newest first. */
export async function listMeetings(actor: Actor) {
  if (actor.kind !== "staff") return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: meetings.id,
      code: meetings.code,
      title: meetings.title,
      startsAt: meetings.startsAt,
      status: meetings.status,
      bodyNameVi: bodies.nameVi,
      bodyNameEn: bodies.nameEn,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(meetingSeenBy(actor.userId))
    .orderBy(desc(meetings.startsAt))
    .limit(200);
  return rows;
}

export type Person = { id: string; name: string };

export type MeetingView = {
  meeting: MeetingRow;
  body: {
    id: string;
    code: string;
    nameVi: string;
    nameEn: string;
    documentsAheadDays: number;
    agencyId: string | null;
  };
  role: MeetingRole;
  /** Why and when it was cancelled (the cancel event), for a cancelled meeting. */
  cancelled: { reason: string; at: Date } | null;
  /** The secretary or the chair: cancels the meeting, defers items (before it is closed). */
  mayCancel: boolean;
  mayPrepare: boolean;
  mayRun: boolean;
  isChair: boolean;
  mayAttend: boolean;
  mayVote: boolean;
  members: (Person & { role: string; title: string | null })[];
  guests: Person[];
  attendance: {
    userId: string;
    name: string;
    response: string;
    reason: string | null;
    delegate: string | null;
    presence: string | null;
  }[];
  /** Voting members and guests who have not answered the invitation (the chair's view). */
  notAnswered: Person[];
  me: { response: string | null; presence: string | null };
  items: {
    id: string;
    position: number;
    title: string;
    summary: string | null;
    presenter: string | null;
    status: string;
    result: VoteCount | null;
    conclusion: string | null;
    /** Why it was deferred (the defer event). */
    deferReason: string | null;
    /** The actor asked to speak on it and still waits: they may withdraw. */
    mySpeakWaiting: boolean;
    documents: { id: string; fileName: string; size: number }[];
    dossiers: { code: string; returned: boolean }[];
    comments: { id: string; author: string; text: string | null; at: Date }[];
    speakers: { id: string; userId: string; name: string; status: string }[];
    votesCast: number;
    myVote: string | null;
  }[];
  minutes: {
    id: string;
    version: number;
    status: string;
    body: string;
    changeNote: string | null;
    publishedAt: Date | null;
    decisionId: string | null;
  }[];
};

/** Everything a meeting's page shows the actor; null for anyone who is not a member or guest. */
export async function getMeetingView(actor: Actor, meetingId: string): Promise<MeetingView | null> {
  if (actor.kind !== "staff" || !isUuid(meetingId)) return null;
  const db = await getDb();
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return null;
  const role = await meetingRoleOf(actor, meeting, db);
  if (!role) return null;
  const [body] = await db.select().from(bodies).where(eq(bodies.id, meeting.bodyId));
  const memberRows = await membersOfBodies([meeting.bodyId], db);
  const guestRows = (await guestsOf(meetingId, db)).map((userId) => ({ userId }));
  const attendanceRows = await db
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId));
  const itemRows = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const itemIds = itemRows.map((item) => item.id);
  const reasons = await db
    .select({ action: workspaceEvents.action, details: workspaceEvents.details, at: workspaceEvents.at })
    .from(workspaceEvents)
    .where(
      and(
        eq(workspaceEvents.subjectKind, "meeting"),
        eq(workspaceEvents.subjectId, meetingId),
        inArray(workspaceEvents.action, ["cancel", "defer_item"]),
      ),
    )
    .orderBy(asc(workspaceEvents.id));
  const reasonOf = (event: (typeof reasons)[number]) =>
    typeof event.details?.reason === "string" ? event.details.reason : "";
  const cancelEvent = reasons.findLast((event) => event.action === "cancel");
  const deferReasonOf = (itemId: string) => {
    const event = reasons.findLast((row) => row.action === "defer_item" && row.details?.itemId === itemId);
    return event ? reasonOf(event) : null;
  };
  const [files, links, contributions, ballots, minuteRows] = await Promise.all([
    itemIds.length
      ? db
          .select({
            id: workspaceFiles.id,
            ownerId: workspaceFiles.ownerId,
            fileName: workspaceFiles.fileName,
            size: workspaceFiles.size,
          })
          .from(workspaceFiles)
          .where(and(eq(workspaceFiles.ownerKind, "agenda_item"), inArray(workspaceFiles.ownerId, itemIds)))
          .orderBy(asc(workspaceFiles.createdAt))
      : [],
    itemIds.length
      ? db.select().from(agendaItemDossiers).where(inArray(agendaItemDossiers.itemId, itemIds))
      : [],
    itemIds.length
      ? db
          .select()
          .from(agendaContributions)
          .where(inArray(agendaContributions.itemId, itemIds))
          .orderBy(asc(agendaContributions.createdAt), asc(agendaContributions.id))
      : [],
    itemIds.length
      ? db
          .select({ itemId: votes.itemId, userId: votes.userId, choice: votes.choice })
          .from(votes)
          .where(inArray(votes.itemId, itemIds))
      : [],
    db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).orderBy(desc(minutes.version)),
  ]);
  const dossierCodes = await dossierCodesOf(links.map((link) => link.dossierId));
  const people = await contactsOf([
    ...memberRows.map((row) => row.userId),
    ...guestRows.map((row) => row.userId),
    ...attendanceRows.flatMap((row) => (row.delegateId ? [row.userId, row.delegateId] : [row.userId])),
    ...itemRows.flatMap((item) => (item.presenterId ? [item.presenterId] : [])),
    ...contributions.map((row) => row.userId),
  ]);
  const nameOf = (id: string) => people.get(id)?.fullName ?? "—";
  const answered = new Set(attendanceRows.map((row) => row.userId));
  const attendees = [
    ...memberRows.filter((row) => isVoting(row.role)).map((row) => row.userId),
    ...guestRows.map((row) => row.userId),
  ];
  const mine = attendanceRows.find((row) => row.userId === actor.userId);
  return {
    meeting,
    body: {
      id: body!.id,
      code: body!.code,
      nameVi: body!.nameVi,
      nameEn: body!.nameEn,
      documentsAheadDays: body!.documentsAheadDays,
      agencyId: body!.agencyId,
    },
    role,
    cancelled:
      meeting.status === "cancelled" && cancelEvent
        ? { reason: reasonOf(cancelEvent), at: cancelEvent.at }
        : null,
    mayCancel: mayPrepare(role) || role === "chair",
    mayPrepare: mayPrepare(role),
    mayRun: mayRun(role),
    isChair: role === "chair",
    mayAttend: mayAttend(role),
    mayVote: isVoting(role),
    members: memberRows.map((row) => ({
      id: row.userId,
      name: nameOf(row.userId),
      role: row.role,
      title: row.title,
    })),
    guests: guestRows.map((row) => ({ id: row.userId, name: nameOf(row.userId) })),
    attendance: attendanceRows.map((row) => ({
      userId: row.userId,
      name: nameOf(row.userId),
      response: row.response,
      reason: row.reason,
      delegate: row.delegateId ? nameOf(row.delegateId) : null,
      presence: row.presence,
    })),
    notAnswered: attendees.filter((id) => !answered.has(id)).map((id) => ({ id, name: nameOf(id) })),
    me: { response: mine?.response ?? null, presence: mine?.presence ?? null },
    items: itemRows.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      summary: item.summary,
      presenter: item.presenterId ? nameOf(item.presenterId) : null,
      status: item.status,
      result: (item.result as VoteCount | null) ?? null,
      conclusion: item.conclusion,
      deferReason: item.status === "deferred" ? deferReasonOf(item.id) : null,
      mySpeakWaiting: contributions.some(
        (row) =>
          row.itemId === item.id &&
          row.kind === "speak" &&
          row.userId === actor.userId &&
          row.speakStatus === "waiting",
      ),
      documents: files
        .filter((file) => file.ownerId === item.id)
        .map(({ id, fileName, size }) => ({ id, fileName, size })),
      dossiers: links
        .filter((link) => link.itemId === item.id)
        .map((link) => ({
          code: dossierCodes.get(link.dossierId) ?? "—",
          returned: link.returnedAt !== null,
        })),
      comments: contributions
        .filter((row) => row.itemId === item.id && row.kind === "comment")
        .map((row) => ({ id: row.id, author: nameOf(row.userId), text: row.text, at: row.createdAt })),
      speakers: contributions
        .filter((row) => row.itemId === item.id && row.kind === "speak")
        .map((row) => ({
          id: row.id,
          userId: row.userId,
          name: nameOf(row.userId),
          status: row.speakStatus ?? "waiting",
        })),
      votesCast: ballots.filter((ballot) => ballot.itemId === item.id).length,
      myVote:
        ballots.find((ballot) => ballot.itemId === item.id && ballot.userId === actor.userId)?.choice ?? null,
    })),
    minutes: minuteRows.map((row) => ({
      id: row.id,
      version: row.version,
      status: row.status,
      body: row.body,
      changeNote: row.changeNote,
      publishedAt: row.publishedAt,
      decisionId: row.decisionId,
    })),
  };
}

/** Dossier codes by id, through lib/dossiers (never its tables). */
async function dossierCodesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return dossierCodes(ids);
}

/** The bodies whose meetings the actor prepares (the create form's choices). */
export async function listPreparedBodies(actor: Actor) {
  return bodiesPreparedBy(actor);
}
