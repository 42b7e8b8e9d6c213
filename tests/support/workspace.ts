import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { procedures } from "@/db/schema/catalog";
import { users } from "@/db/schema/identity";
import { bodies, bodyMembers } from "@/db/schema/workspace";
import { hashPassword } from "@/lib/identity/passwords";

/*
 * A deciding body and its members written straight into their tables, for the meetings' tests
 * until lib/meetings/bodies.ts (ws-opinions) is merged; then its functions should be used instead.
 */

export const memberPassword = "Demo@12345";

export async function createBody(
  db: Db,
  input: { code?: string; agencyId?: string | null; documentsAheadDays?: number } = {},
): Promise<{ id: string; code: string }> {
  const code = input.code ?? `body-${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await db
    .insert(bodies)
    .values({
      code,
      nameVi: `Ủy ban thử nghiệm ${code}`,
      nameEn: `Test committee ${code}`,
      agencyId: input.agencyId ?? null,
      documentsAheadDays: input.documentsAheadDays ?? 3,
    })
    .returning({ id: bodies.id, code: bodies.code });
  return row!;
}

/** Adds a member with a role; a password lets them confirm votes. */
export async function addMember(
  db: Db,
  bodyId: string,
  userId: string,
  role: "chair" | "vice_chair" | "member" | "secretary" | "support",
  options: { password?: string } = {},
): Promise<void> {
  await db.insert(bodyMembers).values({ bodyId, userId, role, title: role });
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(options.password ?? memberPassword) })
    .where(eq(users.id, userId));
}

/** Marks a procedure as decided by the committee: only its dossiers may go to a meeting's agenda. */
export async function markCommitteeProcedure(db: Db, procedureId: string, value = true): Promise<void> {
  await db.update(procedures).set({ needsCommitteeDecision: value }).where(eq(procedures.id, procedureId));
}
