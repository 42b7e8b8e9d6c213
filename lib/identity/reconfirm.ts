import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { users } from "@/db/schema/identity";
import { verifyPassword } from "./passwords";

/**
 * A signed-in person's password typed again, to confirm one act of theirs (a vote, an answer):
 * true only for their own current password on an enabled account. No audit row and no throttle of
 * its own: the caller records the act it confirms.
 */
export async function passwordMatches(userId: string, password: string, db?: Queryable): Promise<boolean> {
  if (password.length === 0 || password.length > 200) return false;
  const source = db ?? (await getDb());
  const [user] = await source
    .select({ passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user?.passwordHash || user.disabledAt) return false;
  return verifyPassword(user.passwordHash, password);
}

/** A staff account's id by its e-mail (a guest invited to a meeting), or null. */
export async function staffIdByEmail(email: string, db?: Queryable): Promise<string | null> {
  const source = db ?? (await getDb());
  const [user] = await source
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()} and ${users.kind} = 'staff'`)
    .limit(1);
  return user?.id ?? null;
}
