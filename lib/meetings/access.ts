import "server-only";
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { bodies, bodyMembers, meetingGuests, meetings } from "@/db/schema/workspace";
import type { Actor } from "@/lib/identity/types";
import { bodyRoles, mayDo, type BodyRole, type MeetingRole } from "./roles";

export {
  bodyRoles,
  votingRoles,
  isVotingRole,
  mayDo,
  may,
  mayPrepare,
  mayRun,
  mayAttend,
  isVoting,
  type BodyRole,
  type BodyAction,
  type MeetingRole,
} from "./roles";

/*
 * The one place that reads who sits in which body (body_members) and who is invited to which
 * meeting (meeting_guests). What each role may do is lib/meetings/roles.ts (pure). An archived
 * body has no members as far as the workspace is concerned: its forms, meetings and tasks are
 * seen by nobody through it (its members, its meetings' guests).
 */

/** One body the actor sits in, with their role there. */
export type Seat = { bodyId: string; code: string; nameVi: string; nameEn: string; role: BodyRole };

const isBodyRole = (role: string): role is BodyRole => (bodyRoles as readonly string[]).includes(role);

const staffId = (actor: Actor): string | null => (actor.kind === "staff" ? actor.userId : null);

/**
 * The bodies the actor sits in (not archived), with their role in each. Anyone else (a citizen, an
 * officer of no body, the anonymous) has none, and sees nothing of the workspace.
 */
export async function seatsOf(actor: Actor, db?: Queryable): Promise<Seat[]> {
  const userId = staffId(actor);
  if (!userId) return [];
  const source = db ?? (await getDb());
  const rows = await source
    .select({
      bodyId: bodies.id,
      code: bodies.code,
      nameVi: bodies.nameVi,
      nameEn: bodies.nameEn,
      role: bodyMembers.role,
    })
    .from(bodyMembers)
    .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
    .where(and(eq(bodyMembers.userId, userId), isNull(bodies.archivedAt)))
    .orderBy(asc(bodies.nameVi));
  return rows.flatMap((row) => (isBodyRole(row.role) ? [{ ...row, role: row.role }] : []));
}

/** A staff account's role in one body (not archived), or null. */
export async function memberRoleOf(userId: string, bodyId: string, db?: Queryable): Promise<BodyRole | null> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select({ role: bodyMembers.role })
    .from(bodyMembers)
    .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
    .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, userId), isNull(bodies.archivedAt)))
    .limit(1);
  return row && isBodyRole(row.role) ? row.role : null;
}

/** The actor's role in one body, or null (not a member: the body's work is "not found" to them). */
export async function roleIn(actor: Actor, bodyId: string, db?: Queryable): Promise<BodyRole | null> {
  const userId = staffId(actor);
  return userId ? memberRoleOf(userId, bodyId, db) : null;
}

/**
 * The actor's role in a meeting: their role in its body, else "guest" when invited to it (and its
 * body is not archived), else null.
 */
export async function meetingRoleOf(
  actor: Actor,
  meeting: { id: string; bodyId: string },
  db?: Queryable,
): Promise<MeetingRole | null> {
  const userId = staffId(actor);
  if (!userId) return null;
  const source = db ?? (await getDb());
  const role = await memberRoleOf(userId, meeting.bodyId, source);
  if (role) return role;
  const [guest] = await source
    .select({ userId: meetingGuests.userId })
    .from(meetingGuests)
    .innerJoin(bodies, eq(bodies.id, meeting.bodyId))
    .where(
      and(
        eq(meetingGuests.meetingId, meeting.id),
        eq(meetingGuests.userId, userId),
        isNull(bodies.archivedAt),
      ),
    )
    .limit(1);
  return guest ? "guest" : null;
}

/**
 * The condition "the meeting is seen by this user" for a query over meetings: they sit in its body
 * or are invited to it, and its body is not archived.
 */
export function meetingSeenBy(userId: string): SQL {
  return sql`(exists (select 1 from ${bodies} where ${bodies.id} = ${meetings.bodyId} and ${bodies.archivedAt} is null)
    and (exists (select 1 from ${bodyMembers} where ${bodyMembers.bodyId} = ${meetings.bodyId} and ${bodyMembers.userId} = ${userId})
      or exists (select 1 from ${meetingGuests} where ${meetingGuests.meetingId} = ${meetings.id} and ${meetingGuests.userId} = ${userId})))`;
}

/** The bodies (not archived) in which the actor prepares meetings (secretary, support). */
export async function bodiesPreparedBy(actor: Actor, db?: Queryable) {
  return (await seatsOf(actor, db))
    .filter((seat) => mayDo(seat.role, "prepare"))
    .map(({ bodyId, code, nameVi, nameEn, role }) => ({ id: bodyId, code, nameVi, nameEn, role }));
}

/** Whether the actor sits in any body: the staff header links the workspace for them only. */
export async function isWorkspaceMember(actor: Actor): Promise<boolean> {
  return (await seatsOf(actor)).length > 0;
}

/** A body's members with their roles (read in the caller's transaction when given). */
export async function membersOfBodies(
  bodyIds: readonly string[],
  db?: Queryable,
): Promise<{ bodyId: string; userId: string; role: BodyRole; title: string | null }[]> {
  if (bodyIds.length === 0) return [];
  const source = db ?? (await getDb());
  const rows = await source
    .select({
      bodyId: bodyMembers.bodyId,
      userId: bodyMembers.userId,
      role: bodyMembers.role,
      title: bodyMembers.title,
    })
    .from(bodyMembers)
    .where(inArray(bodyMembers.bodyId, [...bodyIds]));
  return rows.flatMap((row) => (isBodyRole(row.role) ? [{ ...row, role: row.role }] : []));
}

/** A meeting's invited guests (staff accounts who are not of its body). */
export async function guestsOf(meetingId: string, db?: Queryable): Promise<string[]> {
  const source = db ?? (await getDb());
  const rows = await source
    .select({ userId: meetingGuests.userId })
    .from(meetingGuests)
    .where(eq(meetingGuests.meetingId, meetingId));
  return rows.map((row) => row.userId);
}

/** Everyone a meeting is sent to: its body's members and its guests. */
export async function meetingInvitees(
  meeting: { id: string; bodyId: string },
  db?: Queryable,
): Promise<string[]> {
  const members = await membersOfBodies([meeting.bodyId], db);
  const guests = await guestsOf(meeting.id, db);
  return [...new Set([...members.map((row) => row.userId), ...guests])];
}
