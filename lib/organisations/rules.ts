/* Who may do what in an organisation (pure: no I/O). */

export const memberRoles = ["owner", "filer", "viewer"] as const;
export type MemberRole = (typeof memberRoles)[number];
/** An invitation makes a filer or a viewer; an owner is made by changing a member's role. */
export const invitableRoles = ["filer", "viewer"] as const;
export type InvitableRole = (typeof invitableRoles)[number];

export const invitationDays = 14;
export const invitationLifetimeMs = invitationDays * 86_400_000;

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === "string" && (memberRoles as readonly string[]).includes(value);
}

/** Owners and filers start, continue and submit the organisation's drafts and dossiers. */
export function mayFile(role: MemberRole | null | undefined): boolean {
  return role === "owner" || role === "filer";
}

/** Every member sees the organisation's dossiers; a viewer only sees them. */
export function maySee(role: MemberRole | null | undefined): boolean {
  return role === "owner" || role === "filer" || role === "viewer";
}

export function mayManage(role: MemberRole | null | undefined): boolean {
  return role === "owner";
}

/**
 * Whether changing `userId` to `newRole` (null: removing them) would leave the organisation with no
 * owner: the last owner can be neither removed nor demoted.
 */
export function leavesNoOwner(
  members: readonly { userId: string; role: string }[],
  userId: string,
  newRole: MemberRole | null,
): boolean {
  const target = members.find((m) => m.userId === userId);
  if (!target || target.role !== "owner" || newRole === "owner") return false;
  return members.filter((m) => m.role === "owner").length <= 1;
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/**
 * The procedures a business files, until every procedure's `audiences` is seeded: the two company
 * registrations, the household business and the building permit.
 */
export const businessProcedureCodes: readonly string[] = ["2.001610", "2.001583", "1.001612", "1.013225"];

/**
 * Whether a procedure may be filed in an organisation's name: its audiences name businesses (the
 * column defaults to citizens only), or it is one of the business procedures above.
 */
export function forBusinesses(code: string, audiences: readonly string[] | null | undefined): boolean {
  return Boolean(audiences?.includes("business")) || businessProcedureCodes.includes(code);
}
