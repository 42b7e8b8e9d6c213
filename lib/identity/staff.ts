import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { staffRoles, users } from "@/db/schema/identity";
import { scopeFor } from "@/lib/agencies/service";
import { recordAudit } from "@/lib/audit/service";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import { searchable } from "@/lib/text/normalize";
import {
  disableProblem,
  generatedPassword,
  grantProblem,
  mayManageAccount,
  revokeProblem,
  visibleAccount,
  type AdminScope,
} from "./adminRules";
import { hashPassword } from "./passwords";
import { roleGrantSchema, staffAccountSchema, type RoleGrantInput, type StaffAccountInput } from "./schema";
import type { Actor, AgencyRole, StaffRole } from "./types";

/*
 * Staff accounts as administrators manage them: create, disable and enable, reset the password,
 * grant and revoke roles per agency. Scoped by lib/identity/adminRules; every change is audited
 * with before and after; every change that takes rights away ends the person's sessions at once
 * (users.session_version, checked on each request by sessionIsCurrent).
 */

export type StaffAdminError =
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "email_taken"
  | "role_not_allowed"
  | "outside_scope"
  | "self"
  | "last_system_admin"
  | "already_held"
  | "not_held";

export type StaffAccount = {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  disabled: boolean;
  createdAt: Date;
  roles: AgencyRole[];
  /** Whether the asking administrator may disable, enable or reset this account. */
  manageable: boolean;
};

/** Ids of enabled accounts holding system_admin: the seats that must never all go. */
async function enabledSystemAdmins(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.role, "system_admin"), isNull(users.disabledAt)));
  return rows.map((row) => row.id);
}

/** Changes to the admin seats run one at a time, so two administrators cannot remove each other at once. */
async function lockSeats(db: Queryable) {
  await db.execute(sql`select pg_advisory_xact_lock(726003)`);
}

async function rolesOf(db: Queryable, userIds: string[]): Promise<Map<string, AgencyRole[]>> {
  const map = new Map<string, AgencyRole[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(staffRoles).where(inArray(staffRoles.userId, userIds));
  for (const row of rows) {
    const list = map.get(row.userId) ?? [];
    list.push({ agencyId: row.agencyId, role: row.role as StaffRole });
    map.set(row.userId, list);
  }
  for (const list of map.values())
    list.sort((a, b) => (a.agencyId + a.role).localeCompare(b.agencyId + b.role));
  return map;
}

function toAccount(user: typeof users.$inferSelect, roles: AgencyRole[], scope: AdminScope): StaffAccount {
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
    roles,
    manageable: mayManageAccount(scope, roles),
  };
}

/**
 * Staff accounts the actor administers: with a role at `agencyId` when given, else with a role
 * anywhere in their scope (a system administrator also sees accounts without any role).
 */
export async function listStaffAccounts(
  actor: Actor,
  options: { agencyId?: string | null; q?: string } = {},
): Promise<Result<StaffAccount[], "forbidden">> {
  const db = await getDb();
  const scope = await scopeFor(actor, db);
  if (!scope) return err("forbidden");
  const people = await db.select().from(users).where(eq(users.kind, "staff")).orderBy(asc(users.fullName));
  const roles = await rolesOf(
    db,
    people.map((user) => user.id),
  );
  const query = searchable(options.q ?? "");
  const agencyId = options.agencyId && z.uuid().safeParse(options.agencyId).success ? options.agencyId : null;
  return ok(
    people
      .map((user) => toAccount(user, roles.get(user.id) ?? [], scope))
      .filter(
        (account) =>
          (scope.all && account.roles.length === 0 && !agencyId) || visibleAccount(scope, account.roles),
      )
      .filter((account) => !agencyId || account.roles.some((role) => role.agencyId === agencyId))
      .filter((account) => !query || searchable(`${account.fullName} ${account.email}`).includes(query)),
  );
}

/** One staff account the actor may see. */
export async function getStaffAccount(
  actor: Actor,
  userId: string,
): Promise<Result<StaffAccount, "forbidden" | "not_found">> {
  if (!z.uuid().safeParse(userId).success) return err("not_found");
  const db = await getDb();
  const scope = await scopeFor(actor, db);
  if (!scope) return err("forbidden");
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, "staff")))
    .limit(1);
  if (!user) return err("not_found");
  const roles = (await rolesOf(db, [userId])).get(userId) ?? [];
  if (!scope.all && !visibleAccount(scope, roles)) return err("not_found");
  return ok(toAccount(user, roles, scope));
}

/** How many staff accounts the actor administers, and how many of those are disabled. */
export async function countStaffAccounts(actor: Actor): Promise<{ total: number; disabled: number }> {
  const listed = await listStaffAccounts(actor);
  if (!listed.ok) return { total: 0, disabled: 0 };
  return { total: listed.value.length, disabled: listed.value.filter((a) => a.disabled).length };
}

const newPassword = () => generatedPassword((n) => crypto.randomInt(n));

/**
 * A new civil servant with their first role. The password is generated here, returned once for the
 * administrator to hand over, and only its hash is kept: nobody chooses (or reuses) a staff password,
 * and the portal cannot show it again.
 */
export async function createStaffAccount(
  actor: Actor,
  input: StaffAccountInput,
): Promise<Result<{ userId: string; password: string }, StaffAdminError>> {
  const parsed = staffAccountSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const command = parsed.data;
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const scope = await scopeFor(actor, tx);
    if (!scope || actor.kind !== "staff") return err("forbidden");
    const problem = grantProblem(scope, command.role, command.agencyId);
    if (problem)
      return err(problem, {
        [problem === "outside_scope" ? "agencyId" : "role"]: [`admin:errors.${problem}`],
      });
    const email = command.email.toLowerCase();
    const [user] = await tx
      .insert(users)
      .values({ email, fullName: command.fullName, phone: command.phone, passwordHash, kind: "staff" })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) return err("email_taken", { email: ["admin:errors.email_taken"] });
    const role = { agencyId: command.agencyId, role: command.role };
    await tx.insert(staffRoles).values({ userId: user.id, ...role });
    await recordAudit(
      {
        action: "account.created",
        actorId: actor.userId,
        details: {
          userId: user.id,
          email,
          before: null,
          after: { fullName: user.fullName, email, phone: user.phone, disabled: false, roles: [role] },
        },
      },
      tx,
    );
    return ok({ userId: user.id, password });
  });
}

type Managed = { user: typeof users.$inferSelect; roles: AgencyRole[]; scope: AdminScope; actorId: string };

/** The account, locked, when the actor may manage it. */
async function managed(
  db: Queryable,
  actor: Actor,
  userId: string,
): Promise<Result<Managed, "forbidden" | "not_found">> {
  if (!z.uuid().safeParse(userId).success) return err("not_found");
  const scope = await scopeFor(actor, db);
  if (!scope || actor.kind !== "staff") return err("forbidden");
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, "staff")))
    .for("update");
  if (!user) return err("not_found");
  const roles = (await rolesOf(db, [userId])).get(userId) ?? [];
  if (!scope.all && !visibleAccount(scope, roles)) return err("not_found");
  return ok({ user, roles, scope, actorId: actor.userId });
}

/**
 * Disables (the person can no longer sign in and every session of theirs ends now) or enables an
 * account. Nobody disables their own account, and the last enabled system administrator stays.
 */
export async function setAccountEnabled(
  actor: Actor,
  userId: string,
  enabled: boolean,
): Promise<Result<null, StaffAdminError>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockSeats(tx);
    const found = await managed(tx, actor, userId);
    if (!found.ok) return found;
    const { user, roles, scope, actorId } = found.value;
    if (!mayManageAccount(scope, roles)) return err("forbidden");
    const wasDisabled = user.disabledAt !== null;
    if (enabled === !wasDisabled) return ok(null);
    if (!enabled) {
      const problem = disableProblem(actorId, userId, await enabledSystemAdmins(tx));
      if (problem) return err(problem);
    }
    await tx
      .update(users)
      .set(
        enabled
          ? { disabledAt: null }
          : { disabledAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` },
      )
      .where(eq(users.id, userId));
    await recordAudit(
      {
        action: enabled ? "account.enabled" : "account.disabled",
        actorId,
        details: {
          userId,
          email: user.email,
          before: { disabled: wasDisabled },
          after: { disabled: !enabled },
        },
      },
      tx,
    );
    return ok(null);
  });
}

/**
 * Gives the account a new generated password (shown once to the administrator) and ends every
 * session of the person: whoever knew the old one is out.
 */
export async function resetStaffPassword(
  actor: Actor,
  userId: string,
): Promise<Result<{ password: string }, StaffAdminError>> {
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await managed(tx, actor, userId);
    if (!found.ok) return found;
    const { user, roles, scope, actorId } = found.value;
    if (!mayManageAccount(scope, roles)) return err("forbidden");
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAudit(
      {
        action: "account.password_reset",
        actorId,
        // Never the password or its hash: that it changed, and that the sessions ended.
        details: {
          userId,
          email: user.email,
          before: { sessionVersion: user.sessionVersion },
          after: { sessionVersion: user.sessionVersion + 1, passwordChanged: true },
        },
      },
      tx,
    );
    return ok({ password });
  });
}

/** Grants or revokes one role at one agency; the person's sessions end so they sign in with the new rights. */
async function changeRole(
  actor: Actor,
  userId: string,
  input: RoleGrantInput,
  grant: boolean,
): Promise<Result<null, StaffAdminError>> {
  const parsed = roleGrantSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const role = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockSeats(tx);
    const found = await managed(tx, actor, userId);
    if (!found.ok) return found;
    const { user, roles, scope, actorId } = found.value;
    const problem = grantProblem(scope, role.role, role.agencyId);
    if (problem) return err(problem);
    const held = roles.some((r) => r.agencyId === role.agencyId && r.role === role.role);
    if (grant && held) return err("already_held");
    if (!grant && !held) return err("not_held");
    if (!grant) {
      const seat = revokeProblem(userId, role.role, await enabledSystemAdmins(tx));
      if (seat) return err(seat);
    }
    if (grant) await tx.insert(staffRoles).values({ userId, ...role });
    else
      await tx
        .delete(staffRoles)
        .where(
          and(
            eq(staffRoles.userId, userId),
            eq(staffRoles.agencyId, role.agencyId),
            eq(staffRoles.role, role.role),
          ),
        );
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    const after = grant
      ? [...roles, role]
      : roles.filter((r) => !(r.agencyId === role.agencyId && r.role === role.role));
    await recordAudit(
      {
        action: grant ? "account.role_granted" : "account.role_revoked",
        actorId,
        details: { userId, email: user.email, role, before: { roles }, after: { roles: after } },
      },
      tx,
    );
    return ok(null);
  });
}

export const grantRole = (actor: Actor, userId: string, input: RoleGrantInput) =>
  changeRole(actor, userId, input, true);
export const revokeRole = (actor: Actor, userId: string, input: RoleGrantInput) =>
  changeRole(actor, userId, input, false);

/** Names of people by id (the audit page's "who"). */
export async function userNames(ids: string[]): Promise<Map<string, { name: string; email: string | null }>> {
  const unique = [...new Set(ids)].filter((id) => z.uuid().safeParse(id).success);
  if (unique.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.fullName, email: users.email })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}
