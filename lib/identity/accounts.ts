import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { staffRoles, users } from "@/db/schema/identity";
import { organisationMembers } from "@/db/schema/organisations";
import { recordAudit } from "@/lib/audit/service";
import { hashPassword, verifyPassword } from "./passwords";
import { staffRoles as knownRoles, type Actor, type AgencyRole, type StaffRole } from "./types";
import { changePasswordSchema, signUpSchema, type ChangePasswordInput, type SignUpInput } from "./schema";
import { claimable, claimMatches } from "./desk";
import { attempt, refund, reset } from "./throttle";
import { landingPath } from "./rules";
import { setAccountEnabled } from "./staff";

export type SignUpError = "email_taken" | "id_number_taken" | "claim_mismatch";
export type Throttled = { ok: false; error: "too_many_attempts"; retryAfterMinutes: number };

/**
 * Citizen self-registration. `address` is the client's address, counted against the sign-up limit
 * per address (whether the e-mail is new or taken); callers inside the portal (seed, tests) omit it.
 */
export async function registerCitizen(
  input: SignUpInput,
  context: { address?: string } = {},
): Promise<{ ok: true; userId: string } | { ok: false; error: SignUpError } | Throttled> {
  const command = signUpSchema.parse(input);
  const db = await getDb();
  const email = command.email.toLowerCase();
  if (context.address !== undefined) {
    const wait = await attempt("signUpPerAddress", context.address);
    if (wait) {
      await recordAudit(
        {
          action: "sign_up.throttled",
          details: { email, address: context.address, retryAfterMinutes: wait.retryAfterMinutes },
        },
        db,
      );
      return { ok: false, error: "too_many_attempts", retryAfterMinutes: wait.retryAfterMinutes };
    }
  }
  const idNumber = command.idNumber || undefined;
  const passwordHash = await hashPassword(command.password);
  return db.transaction(async (tx) => {
    const byEmail = await tx.select().from(users).where(eq(users.email, email)).for("update").limit(1);
    const byId = idNumber
      ? await tx.select().from(users).where(eq(users.idNumber, idNumber)).for("update").limit(1)
      : [];
    const existing = byEmail[0] ?? byId[0];
    if (existing) {
      // Two accounts, or one that is not the desk's to give away: the usual "already registered".
      if (byEmail[0] && byId[0] && byEmail[0].id !== byId[0].id)
        return { ok: false, error: "email_taken" } as const;
      if (!claimable(existing)) {
        return { ok: false, error: byEmail[0] ? "email_taken" : "id_number_taken" } as const;
      }
      // Opened at the desk for this person: theirs when every detail the desk recorded matches.
      if (!claimMatches(existing, { idNumber, email, phone: command.phone })) {
        return { ok: false, error: "claim_mismatch" } as const;
      }
      await tx
        .update(users)
        .set({
          passwordHash,
          email,
          ...(command.locale ? { locale: command.locale } : {}),
          sessionVersion: sql`${users.sessionVersion} + 1`,
        })
        .where(eq(users.id, existing.id));
      await recordAudit({ action: "account.claimed", actorId: existing.id }, tx);
      return { ok: true, userId: existing.id } as const;
    }
    const inserted = await tx
      .insert(users)
      .values({
        email,
        phone: command.phone,
        idNumber,
        fullName: command.fullName,
        passwordHash,
        kind: "citizen",
        // The language of their notices: chosen on the form (the page's language by default).
        ...(command.locale ? { locale: command.locale } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    const row = inserted[0];
    // Someone registered the same e-mail or ID number a moment ago.
    if (!row) return { ok: false, error: "email_taken" } as const;
    await recordAudit({ action: "account.registered", actorId: row.id }, tx);
    return { ok: true, userId: row.id } as const;
  });
}

export type SignedInUser = { id: string; name: string; sessionVersion: number };

/**
 * Checks e-mail and password; returns the user or null. Same time whether or not the account
 * exists. A disabled account is refused like a wrong password. Not throttled: sign-in goes through
 * `signInWithPassword`.
 */
export async function checkCredentials(
  email: string,
  password: string,
  context: { address?: string } = {},
): Promise<SignedInUser | null> {
  const db = await getDb();
  const address = email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, address)).limit(1);
  // Same work whether or not the account exists, so timing does not tell which e-mails have one.
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(dummyHash, password)) && false;
  const disabled = Boolean(user?.disabledAt);
  const client = context.address ? { clientAddress: context.address } : {};
  // Failed attempts are kept with the address tried, for spotting password guessing.
  await recordAudit(
    matches && !disabled
      ? { action: "sign_in.succeeded", actorId: user!.id, details: context.address ? client : undefined }
      : {
          action: "sign_in.failed",
          actorId: user?.id ?? null,
          details: { email: address, ...client, ...(matches && disabled ? { reason: "disabled" } : {}) },
        },
    db,
  );
  return matches && !disabled
    ? { id: user!.id, name: user!.fullName, sessionVersion: user!.sessionVersion }
    : null;
}

export type SignInOutcome =
  { ok: true; user: SignedInUser } | { ok: false; error: "wrong_credentials" } | Throttled;

/**
 * Sign-in with throttling, the one path both the sign-in page and /api/auth/callback/credentials
 * take (next-auth's `authorize`). Each attempt is counted before the password is checked, per
 * client address and per e-mail (accounts or not, so the limit tells nothing about which exist);
 * over either limit the attempt is refused, right password or not, and audited. A success clears
 * the e-mail's counter and gives the address its attempt back.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  clientAddress: string,
): Promise<SignInOutcome> {
  const account = email.trim().toLowerCase();
  const wait =
    (await attempt("signInPerAddress", clientAddress)) ?? (await attempt("signInPerAccount", account));
  if (wait) {
    const db = await getDb();
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, account)).limit(1);
    await recordAudit(
      {
        action: "sign_in.throttled",
        actorId: user?.id ?? null,
        details: {
          email: account,
          clientAddress,
          limit: wait.scope,
          retryAfterMinutes: wait.retryAfterMinutes,
        },
      },
      db,
    );
    return { ok: false, error: "too_many_attempts", retryAfterMinutes: wait.retryAfterMinutes };
  }
  const user = await checkCredentials(account, password, { address: clientAddress });
  if (!user) return { ok: false, error: "wrong_credentials" };
  await reset("signInPerAccount", account);
  await refund("signInPerAddress", clientAddress);
  return { ok: true, user };
}

const dummyHash =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0HqpE4E2b7pr5LtbW4m2lWpyaf4+I6D/ysmMEmpgDM4";

/**
 * Builds the actor for a signed-in user from the database (roles can change between requests).
 * With the session's version (from its token), a session ended since (sign-out, password change,
 * disable, role change) is anonymous; a disabled account always is.
 */
export async function actorForUser(userId: string, sessionVersion?: number): Promise<Actor> {
  // Only ids we signed into the session reach here, but a malformed one must still mean "nobody".
  if (!z.uuid().safeParse(userId).success) return { kind: "anonymous" };
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return { kind: "anonymous" };
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return { kind: "anonymous" };
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
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return {
    kind: "applicant",
    userId,
    name: user.fullName,
    organisationIds: memberships.map((m) => m.organisationId),
    organisations: memberships.map((m) => ({
      id: m.organisationId,
      role: (["owner", "filer", "viewer"] as const).find((r) => r === m.role) ?? "viewer",
    })),
  };
}

/** Is a session signed with this version still current (not ended, account not disabled)? */
export async function sessionIsCurrent(userId: unknown, sessionVersion: unknown): Promise<boolean> {
  if (typeof userId !== "string" || !z.uuid().safeParse(userId).success) return false;
  if (typeof sessionVersion !== "number") return false;
  const db = await getDb();
  const [user] = await db
    .select({ sessionVersion: users.sessionVersion, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return Boolean(user && !user.disabledAt && user.sessionVersion === sessionVersion);
}

/**
 * Sign-out: ends every session of the user (a copied session token stops working too). Only a
 * current session may do it, so a stale copied token cannot keep signing its owner out.
 */
export async function endSessions(userId: string, sessionVersion: number): Promise<boolean> {
  if (!z.uuid().safeParse(userId).success) return false;
  const db = await getDb();
  const ended = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
    .returning({ id: users.id });
  if (ended.length > 0) await recordAudit({ action: "session.ended", actorId: userId }, db);
  return ended.length > 0;
}

export type AccountError = "forbidden" | "not_found" | "wrong_password" | "invalid";
type AccountResult = { ok: true } | { ok: false; error: AccountError };

const isSystemAdmin = (actor: Actor) =>
  actor.kind === "staff" && actor.roles.some((role) => role.role === "system_admin");

/** The signed-in person changes their own password; every session of theirs ends (sign in again). */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<AccountResult> {
  if (actor.kind === "anonymous") return { ok: false, error: "forbidden" };
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) return { ok: false, error: "not_found" };
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    return { ok: false, error: "wrong_password" };
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId));
    await recordAudit({ action: "account.password_changed", actorId: actor.userId }, tx);
  });
  return { ok: true };
}

/**
 * An administrator disables an account: it can no longer sign in and its sessions end now. The
 * rules (scope, never oneself, the last system administrator stays) are lib/identity/staff.ts's.
 */
export async function disableAccount(actor: Actor, userId: string): Promise<AccountResult> {
  const result = await setAccountEnabled(actor, userId, false);
  if (result.ok) return { ok: true };
  return { ok: false, error: result.error === "not_found" ? "not_found" : "forbidden" };
}

/**
 * A system administrator sets a civil servant's roles (replacing them all); the person's sessions
 * end, so a demoted officer loses the old rights at once and a promoted one signs in again.
 */
export async function setStaffRoles(
  actor: Actor,
  userId: string,
  roles: AgencyRole[],
): Promise<AccountResult> {
  if (!isSystemAdmin(actor) || actor.kind !== "staff") return { ok: false, error: "forbidden" };
  if (!z.uuid().safeParse(userId).success) return { ok: false, error: "not_found" };
  if (roles.some((role) => !(knownRoles as readonly string[]).includes(role.role))) {
    return { ok: false, error: "invalid" };
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, userId), eq(users.kind, "staff")))
      .returning({ id: users.id });
    if (changed.length === 0) return { ok: false, error: "not_found" } as const;
    const before = await tx.select().from(staffRoles).where(eq(staffRoles.userId, userId));
    await tx.delete(staffRoles).where(eq(staffRoles.userId, userId));
    if (roles.length > 0) {
      await tx
        .insert(staffRoles)
        .values(roles.map((role) => ({ userId, agencyId: role.agencyId, role: role.role })))
        .onConflictDoNothing();
    }
    await recordAudit(
      {
        action: "account.roles_changed",
        actorId: actor.userId,
        details: {
          userId,
          before: before.map((r) => ({ agencyId: r.agencyId, role: r.role })),
          after: roles,
        },
      },
      tx,
    );
    return { ok: true } as const;
  });
}

/** Where this person lands after signing in (rules.ts `landingPath`): their own work or the page asked for. */
export async function landingAfterSignIn(
  email: string,
  lang: string,
  callbackUrl: string | null,
  /** Whether an official sits in a deciding body (lib/meetings/access.ts isWorkspaceMember). */
  inWorkspace: (actor: Actor) => Promise<boolean> = async () => false,
): Promise<string> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  const actor = user ? await actorForUser(user.id) : ({ kind: "anonymous" } as const);
  return landingPath(actor, lang, callbackUrl, actor.kind === "staff" && (await inWorkspace(actor)));
}

export type Contact = {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  idNumber: string | null;
};

/** Names and contact details of people by id (an organisation's member list, a form's prefill). */
export async function contactsOf(userIds: readonly string[], db?: Queryable): Promise<Map<string, Contact>> {
  const wanted = [...new Set(userIds)].filter((id) => z.uuid().safeParse(id).success);
  if (wanted.length === 0) return new Map();
  const source = db ?? (await getDb());
  const rows = await source
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      phone: users.phone,
      idNumber: users.idNumber,
    })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
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

/** Everyone holding one of these roles, with the agency where they hold it (one row per person and agency). */
export async function listRoleHoldersByAgency(
  roles: readonly StaffRole[],
  db?: Queryable,
): Promise<{ agencyId: string; id: string; name: string }[]> {
  const source = db ?? (await getDb());
  return source
    .selectDistinct({ agencyId: staffRoles.agencyId, id: users.id, name: users.fullName })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(inArray(staffRoles.role, [...roles]), isNull(users.disabledAt)))
    .orderBy(asc(staffRoles.agencyId), asc(users.fullName), asc(users.id));
}

/**
 * Whether the password is this user's (a member confirming an answer or a vote: lib/meetings/
 * confirm.ts). The same work whether or not the user has a password; a disabled account never
 * matches.
 */
export async function passwordMatches(userId: string, password: string, db?: Queryable): Promise<boolean> {
  if (!z.uuid().safeParse(userId).success) return false;
  const source = db ?? (await getDb());
  const [user] = await source
    .select({ passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(dummyHash, password)) && false;
  return matches && !user?.disabledAt;
}

/** A staff account by e-mail (adding a member to a deciding body), or null. */
export async function staffUserByEmail(
  email: string,
  db?: Queryable,
): Promise<{ id: string; fullName: string; email: string } | null> {
  const source = db ?? (await getDb());
  const [user] = await source
    .select({ id: users.id, fullName: users.fullName, email: users.email, kind: users.kind })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return user && user.kind === "staff" && user.email
    ? { id: user.id, fullName: user.fullName, email: user.email }
    : null;
}
