import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  agendaContributions,
  agendaItemDossiers,
  agendaItems,
  bodies,
  bodyMembers,
  meetingAttendance,
  meetingGuests,
  meetings,
  minutes,
  votes,
  workspaceFiles,
} from "@/db/schema/workspace";
import { dossierCodes, noteSentToCommittee } from "@/lib/dossiers/committee";
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
  type MeetingError,
  type MeetingRow,
} from "./core";
import {
  bodiesPreparedBy,
  isVoting,
  mayAttend,
  mayPrepare,
  mayRun,
  meetingRoleOf,
  type MeetingRole,
} from "./meetingAccess";
import type { VoteCount } from "./rules";

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
  const prepared = await bodiesPreparedBy(db, actor);
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
): Promise<Result<{ id: string }, MeetingError>> {
  const parsed = agendaItemSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  return withMeeting(actor, meetingId, mayPrepare, async (context) => {
    if (!editable(context.meeting)) return err("invalid_state");
    const { tx } = context;
    if (parsed.data.presenterId) {
      const [member] = await tx
        .select({ userId: bodyMembers.userId })
        .from(bodyMembers)
        .where(and(eq(bodyMembers.bodyId, context.body.id), eq(bodyMembers.userId, parsed.data.presenterId)));
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
  });
}

/** Moves an item one place up or down the agenda (swapping with its neighbour). */
export async function moveAgendaItem(
  actor: Actor,
  itemId: string,
  direction: "up" | "down",
): Promise<Result<null, MeetingError>> {
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  return withMeeting(actor, meetingId, mayPrepare, async (context) => {
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
    await context.tx.update(agendaItems).set({ position: other.position }).where(eq(agendaItems.id, item.id));
    await context.tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, other.id));
    await meetingEvent(context, "move_item", { itemId, direction });
    await touchMeeting(context);
    return ok(null);
  });
}

/**
 * A document of an agenda item (a draft decision, a report). Classified material is refused by
 * its name or description; the bytes are checked and stored by lib/files.
 */
export async function addItemDocument(
  actor: Actor,
  itemId: string,
  input: { fileName: string; description?: string | null; bytes: Uint8Array },
): Promise<Result<{ id: string }, MeetingError>> {
  const fileName = input.fileName.trim();
  if (!fileName || input.bytes.byteLength === 0) return err("invalid_input", { file: ["errors.required"] });
  if (looksClassified(fileName, input.description)) return err("classified", { file: ["classified"] });
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  // Check access before storing anything.
  const allowed = await withMeeting(actor, meetingId, mayPrepare, async (context) =>
    editable(context.meeting) ? ok(null) : err("invalid_state"),
  );
  if (!allowed.ok) return allowed;
  const stored = await storeFile({ fileName, bytes: input.bytes });
  if (!stored.ok) return err("file_refused", { file: [`dossiers:errors.${stored.error}`] });
  return withMeeting(actor, meetingId, mayPrepare, async (context) => {
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
  });
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
  if (!file || !(await meetingRoleOf(db, { id: file.meetingId, bodyId: file.bodyId }, actor)))
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
): Promise<Result<{ userId: string }, MeetingError>> {
  const address = email.trim();
  if (!address || address.length > 320) return err("invalid_input", { email: ["errors.required"] });
  const userId = await staffIdByEmail(address);
  if (!userId) return err("invalid_input", { email: ["meetings.errors.noSuchStaff"] });
  return withMeeting(actor, meetingId, mayPrepare, async (context) => {
    if (!editable(context.meeting)) return err("invalid_state");
    const member = await meetingRoleOf(context.tx, context.meeting, {
      kind: "staff",
      userId,
      name: "",
      roles: [],
    });
    if (member) return ok({ userId });
    await context.tx
      .insert(meetingGuests)
      .values({ meetingId, userId, invitedBy: context.userId })
      .onConflictDoNothing();
    await meetingEvent(context, "invite_guest", { userId });
    await touchMeeting(context);
    return ok({ userId });
  });
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
): Promise<Result<{ late: boolean }, MeetingError>> {
  return withMeeting(
    actor,
    meetingId,
    (role) => mayPrepare(role) || role === "chair",
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
      const recipients = await invitees(tx, meeting);
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
  );
}

/** Everyone the meeting is sent to: the body's members and the meeting's guests. */
async function invitees(tx: Parameters<typeof meetingRoleOf>[0], meeting: MeetingRow): Promise<string[]> {
  const members = await tx
    .select({ userId: bodyMembers.userId })
    .from(bodyMembers)
    .where(eq(bodyMembers.bodyId, meeting.bodyId));
  const guests = await tx
    .select({ userId: meetingGuests.userId })
    .from(meetingGuests)
    .where(eq(meetingGuests.meetingId, meeting.id));
  return [...new Set([...members, ...guests].map((row) => row.userId))];
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
    .where(
      or(
        sql`exists (select 1 from ${bodyMembers} where ${bodyMembers.bodyId} = ${meetings.bodyId} and ${bodyMembers.userId} = ${actor.userId})`,
        sql`exists (select 1 from ${meetingGuests} where ${meetingGuests.meetingId} = ${meetings.id} and ${meetingGuests.userId} = ${actor.userId})`,
      ),
    )
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
  const role = await meetingRoleOf(db, meeting, actor);
  if (!role) return null;
  const [body] = await db.select().from(bodies).where(eq(bodies.id, meeting.bodyId));
  const memberRows = await db
    .select({ userId: bodyMembers.userId, role: bodyMembers.role, title: bodyMembers.title })
    .from(bodyMembers)
    .where(eq(bodyMembers.bodyId, meeting.bodyId));
  const guestRows = await db
    .select({ userId: meetingGuests.userId })
    .from(meetingGuests)
    .where(eq(meetingGuests.meetingId, meetingId));
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
    ...memberRows.filter((row) => isVoting(row.role as MeetingRole)).map((row) => row.userId),
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
  return bodiesPreparedBy(await getDb(), actor);
}
