import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bodies, bodyMembers, meetingGuests } from "@/db/schema/workspace";
import type { Actor } from "@/lib/identity/types";

/*
 * Who may see and do what in a meeting, read from body_members and meeting_guests. A stand-in for
 * lib/meetings/access.ts (ws-opinions), to be swapped at merge: a body's members (and a meeting's
 * invited guests) see its meetings; the secretary and support staff prepare; the chair approves;
 * nobody else sees anything.
 */

export type MeetingRole = "chair" | "vice_chair" | "member" | "secretary" | "support" | "guest";

export const votingRoles: readonly MeetingRole[] = ["chair", "vice_chair", "member"];

export const isVoting = (role: MeetingRole | null): boolean => role !== null && votingRoles.includes(role);
/** Prepares the meeting (agenda, documents, guests, minutes drafts). */
export const mayPrepare = (role: MeetingRole | null): boolean => role === "secretary" || role === "support";
/** Runs the session (current item, speakers, votes). */
export const mayRun = (role: MeetingRole | null): boolean => role === "secretary" || role === "chair";
/** Answers the invitation, checks in, speaks: members who vote and invited guests. */
export const mayAttend = (role: MeetingRole | null): boolean => isVoting(role) || role === "guest";

export async function bodyRoleOf(q: Queryable, bodyId: string, userId: string): Promise<MeetingRole | null> {
  const [row] = await q
    .select({ role: bodyMembers.role })
    .from(bodyMembers)
    .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, userId)))
    .limit(1);
  return (row?.role as MeetingRole | undefined) ?? null;
}

/** The actor's role in a meeting: their role in its body, else guest if invited, else null. */
export async function meetingRoleOf(
  q: Queryable,
  meeting: { id: string; bodyId: string },
  actor: Actor,
): Promise<MeetingRole | null> {
  if (actor.kind !== "staff") return null;
  const role = await bodyRoleOf(q, meeting.bodyId, actor.userId);
  if (role) return role;
  const [guest] = await q
    .select({ userId: meetingGuests.userId })
    .from(meetingGuests)
    .where(and(eq(meetingGuests.meetingId, meeting.id), eq(meetingGuests.userId, actor.userId)))
    .limit(1);
  return guest ? "guest" : null;
}

/** The bodies in which the actor prepares meetings (secretary, support). */
export async function bodiesPreparedBy(q: Queryable, actor: Actor) {
  if (actor.kind !== "staff") return [];
  const rows = await q
    .select({
      id: bodies.id,
      code: bodies.code,
      nameVi: bodies.nameVi,
      nameEn: bodies.nameEn,
      role: bodyMembers.role,
    })
    .from(bodyMembers)
    .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
    .where(eq(bodyMembers.userId, actor.userId));
  return rows.filter((row) => mayPrepare(row.role as MeetingRole));
}
