import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { bodies, bodyMembers } from "@/db/schema/workspace";
import type { Actor } from "@/lib/identity/types";
import { bodyRoles, type BodyRole } from "./roles";

export { bodyRoles, votingRoles, isVotingRole, mayDo, type BodyRole, type BodyAction } from "./roles";

/** One body the actor sits in, with their role there. */
export type Seat = { bodyId: string; code: string; nameVi: string; nameEn: string; role: BodyRole };

const isBodyRole = (role: string): role is BodyRole => (bodyRoles as readonly string[]).includes(role);

/**
 * The bodies the actor sits in (not archived), with their role in each. Anyone else (a citizen, an
 * officer of no body, the anonymous) has none, and sees nothing of the workspace.
 */
export async function seatsOf(actor: Actor, db?: Queryable): Promise<Seat[]> {
  if (actor.kind !== "staff") return [];
  const source = db ?? (await getDb());
  const rows = await source
    .select({
      bodyId: bodies.id,
      code: bodies.code,
      nameVi: bodies.nameVi,
      nameEn: bodies.nameEn,
      role: bodyMembers.role,
      archivedAt: bodies.archivedAt,
    })
    .from(bodyMembers)
    .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
    .where(eq(bodyMembers.userId, actor.userId))
    .orderBy(asc(bodies.nameVi));
  return rows.flatMap((row) =>
    row.archivedAt === null && isBodyRole(row.role)
      ? [{ bodyId: row.bodyId, code: row.code, nameVi: row.nameVi, nameEn: row.nameEn, role: row.role }]
      : [],
  );
}

/** The actor's role in one body, or null (not a member: the body's work is "not found" to them). */
export async function roleIn(actor: Actor, bodyId: string, db?: Queryable): Promise<BodyRole | null> {
  if (actor.kind !== "staff") return null;
  const source = db ?? (await getDb());
  const [row] = await source
    .select({ role: bodyMembers.role, archivedAt: bodies.archivedAt })
    .from(bodyMembers)
    .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
    .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, actor.userId)))
    .limit(1);
  return row && row.archivedAt === null && isBodyRole(row.role) ? row.role : null;
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
