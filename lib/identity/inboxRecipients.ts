import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { staffRoles, users } from "@/db/schema/identity";

/**
 * Who may find a notice in their in-app inbox (lib/notify/inbox), in one query: of the named
 * people, those who want the inbox; of the named agencies' staff, those who want it, with each role
 * they hold there (lib/notify/inboxRules picks the roles a notice is for). Disabled accounts get
 * nothing. Runs in the caller's transaction, so the rows are written with the change.
 */
export async function inboxRecipients(
  db: Queryable,
  input: { userIds: readonly string[]; agencyIds: readonly string[] },
): Promise<{ userIds: string[]; staff: { agencyId: string; userId: string; role: string }[] }> {
  const userIds = [...new Set(input.userIds)];
  const agencyIds = [...new Set(input.agencyIds)];
  if (userIds.length === 0 && agencyIds.length === 0) return { userIds: [], staff: [] };
  const wantsInbox = and(eq(users.notifyInInbox, true), isNull(users.disabledAt));
  const people =
    userIds.length > 0
      ? db
          .select({
            userId: users.id,
            agencyId: sql<string | null>`null::uuid`,
            role: sql<string | null>`null::text`,
          })
          .from(users)
          .where(and(inArray(users.id, userIds), wantsInbox))
      : null;
  const staff =
    agencyIds.length > 0
      ? db
          .select({ userId: staffRoles.userId, agencyId: staffRoles.agencyId, role: staffRoles.role })
          .from(staffRoles)
          .innerJoin(users, eq(users.id, staffRoles.userId))
          .where(and(inArray(staffRoles.agencyId, agencyIds), wantsInbox))
      : null;
  const rows = await (people && staff ? people.unionAll(staff) : (people ?? staff)!);
  return {
    userIds: rows.filter((row) => row.agencyId === null).map((row) => row.userId),
    staff: rows
      .filter((row) => row.agencyId !== null)
      .map((row) => ({ agencyId: row.agencyId!, userId: row.userId, role: row.role! })),
  };
}
