import { descendantsAndSelf, type TreeNode } from "@/lib/agencies/rules";
import { staffRoles, type Actor, type AgencyRole, type StaffRole } from "./types";

/*
 * Who may administer what (pure; lib/identity/staff.ts and lib/agencies/service.ts apply it).
 * A system administrator administers everything. An agency administrator administers their own
 * agency and every agency under it, never a system administrator, and never grants that role.
 */

/** What an actor may administer: everything, some agencies, or nothing. */
export type AdminScope = { all: true } | { all: false; agencyIds: ReadonlySet<string> };

export function isSystemAdmin(actor: Actor): boolean {
  return actor.kind === "staff" && actor.roles.some((role) => role.role === "system_admin");
}

export function isAdministrator(actor: Actor): boolean {
  return (
    actor.kind === "staff" && actor.roles.some((r) => r.role === "system_admin" || r.role === "agency_admin")
  );
}

/** Null for someone who administers nothing. */
export function adminScope(actor: Actor, tree: readonly TreeNode[]): AdminScope | null {
  if (actor.kind !== "staff") return null;
  if (isSystemAdmin(actor)) return { all: true };
  const own = actor.roles.filter((role) => role.role === "agency_admin").map((role) => role.agencyId);
  if (own.length === 0) return null;
  return { all: false, agencyIds: descendantsAndSelf(tree, own) };
}

export function inScope(scope: AdminScope, agencyId: string): boolean {
  return scope.all || scope.agencyIds.has(agencyId);
}

/** The roles an administrator may grant: every role for a system administrator, all but that one otherwise. */
export function grantableRoles(scope: AdminScope): StaffRole[] {
  return scope.all ? [...staffRoles] : staffRoles.filter((role) => role !== "system_admin");
}

export type GrantProblem = "role_not_allowed" | "outside_scope";

/** Whether this scope may grant (or revoke) `role` at `agencyId`. */
export function grantProblem(scope: AdminScope, role: StaffRole, agencyId: string): GrantProblem | null {
  if (!grantableRoles(scope).includes(role)) return "role_not_allowed";
  if (!inScope(scope, agencyId)) return "outside_scope";
  return null;
}

/**
 * Whether this scope may manage a person's account (disable, enable, reset the password): a system
 * administrator any staff account; an agency administrator only one whose every role is inside
 * their scope, and never a system administrator's (they would lock out the people above them).
 * An account with no role yet is managed by whoever administers the agency that created it; without
 * that record, only a system administrator may.
 */
export function mayManageAccount(scope: AdminScope, targetRoles: readonly AgencyRole[]): boolean {
  if (scope.all) return true;
  if (targetRoles.length === 0) return false;
  return targetRoles.every((role) => role.role !== "system_admin" && scope.agencyIds.has(role.agencyId));
}

/** An account listed under an agency admin when at least one of its roles is in their scope. */
export function visibleAccount(scope: AdminScope, targetRoles: readonly AgencyRole[]): boolean {
  return scope.all || targetRoles.some((role) => scope.agencyIds.has(role.agencyId));
}

export type SeatProblem = "self" | "last_system_admin";

/**
 * The portal must keep at least one enabled system administrator, and nobody disables their own
 * account (their session would end in the middle of the change, and the seat with it).
 * `enabledSystemAdmins` are the ids holding the role on enabled accounts, before the change.
 */
export function disableProblem(
  actorId: string,
  targetId: string,
  enabledSystemAdmins: readonly string[],
): SeatProblem | null {
  if (actorId === targetId) return "self";
  const rest = new Set(enabledSystemAdmins);
  rest.delete(targetId);
  return enabledSystemAdmins.includes(targetId) && rest.size === 0 ? "last_system_admin" : null;
}

/**
 * Revoking system_admin from the last enabled holder is refused, whoever asks (themselves included:
 * "keep at least one system administrator").
 */
export function revokeProblem(
  targetId: string,
  role: StaffRole,
  enabledSystemAdmins: readonly string[],
): SeatProblem | null {
  if (role !== "system_admin") return null;
  const rest = new Set(enabledSystemAdmins);
  rest.delete(targetId);
  return enabledSystemAdmins.includes(targetId) && rest.size === 0 ? "last_system_admin" : null;
}

/**
 * A password generated for a new account or a reset: 16 characters from an alphabet without look-
 * alikes (no 0/o, 1/l/i), in groups of four to read out or type. About 79 bits of randomness.
 * `randomIndex(n)` is a uniform integer in [0, n): crypto.randomInt on the server.
 */
export const passwordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
export function generatedPassword(randomIndex: (n: number) => number): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let c = 0; c < 4; c++) group += passwordAlphabet[randomIndex(passwordAlphabet.length)];
    groups.push(group);
  }
  return groups.join("-");
}
