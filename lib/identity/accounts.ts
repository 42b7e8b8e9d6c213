import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { organisationMembers, staffRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { hashPassword, verifyPassword } from "./passwords";
import type { Actor, StaffRole } from "./types";
import { signUpSchema, type SignUpInput } from "./schema";

export type SignUpError = "email_taken";

/** Citizen self-registration. */
export async function registerCitizen(
  input: SignUpInput,
): Promise<{ ok: true; userId: string } | { ok: false; error: SignUpError }> {
  const command = signUpSchema.parse(input);
  const db = await getDb();
  const email = command.email.toLowerCase();
  const passwordHash = await hashPassword(command.password);
  const inserted = await db
    .insert(users)
    .values({ email, phone: command.phone, fullName: command.fullName, passwordHash, kind: "citizen" })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  const row = inserted[0];
  if (!row) return { ok: false, error: "email_taken" };
  await recordAudit({ action: "account.registered", actorId: row.id }, db);
  return { ok: true, userId: row.id };
}

/** Checks e-mail and password; returns the user id or null. Same time whether or not the account exists. */
export async function checkCredentials(
  email: string,
  password: string,
): Promise<{ id: string; name: string } | null> {
  const db = await getDb();
  const address = email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, address)).limit(1);
  // Same work whether or not the account exists, so timing does not tell which e-mails have one.
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(dummyHash, password)) && false;
  // Failed attempts are kept with the address tried, for spotting password guessing.
  await recordAudit(
    matches
      ? { action: "sign_in.succeeded", actorId: user!.id }
      : { action: "sign_in.failed", actorId: user?.id ?? null, details: { email: address } },
    db,
  );
  return matches ? { id: user!.id, name: user!.fullName } : null;
}

const dummyHash =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0HqpE4E2b7pr5LtbW4m2lWpyaf4+I6D/ysmMEmpgDM4";

/** Builds the actor for a signed-in user from the database (roles can change between requests). */
export async function actorForUser(userId: string): Promise<Actor> {
  // Only ids we signed into the session reach here, but a malformed one must still mean "nobody".
  if (!z.uuid().safeParse(userId).success) return { kind: "anonymous" };
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return { kind: "anonymous" };
  if (user.kind === "staff") {
    const roles = await db.select().from(staffRoles).where(eq(staffRoles.userId, userId));
    return {
      kind: "staff",
      userId,
      name: user.fullName,
      roles: roles.map((r) => ({ agencyId: r.agencyId, role: r.role as StaffRole })),
    };
  }
  const memberships = await db
    .select({ organisationId: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return {
    kind: "applicant",
    userId,
    name: user.fullName,
    organisationIds: memberships.map((m) => m.organisationId),
  };
}

/** A user's full name, or null when there is no such user. */
export async function getUserName(userId: string, db?: Queryable): Promise<string | null> {
  const source = db ?? (await getDb());
  const [user] = await source
    .select({ fullName: users.fullName })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user?.fullName ?? null;
}

/** Whether the user holds a role at an agency (read inside the caller's transaction). */
export async function holdsRole(
  userId: string,
  agencyId: string,
  role: StaffRole,
  db?: Queryable,
): Promise<boolean> {
  const source = db ?? (await getDb());
  const rows = await source
    .select({ userId: staffRoles.userId })
    .from(staffRoles)
    .where(and(eq(staffRoles.userId, userId), eq(staffRoles.agencyId, agencyId), eq(staffRoles.role, role)))
    .limit(1);
  return rows.length > 0;
}

/** The people holding a role at an agency, by name. */
export async function listRoleHolders(
  agencyId: string,
  role: StaffRole,
  db?: Queryable,
): Promise<{ id: string; name: string }[]> {
  const source = db ?? (await getDb());
  return source
    .select({ id: users.id, name: users.fullName })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.agencyId, agencyId), eq(staffRoles.role, role)))
    .orderBy(asc(users.fullName), asc(users.id));
}
