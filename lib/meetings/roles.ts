/**
 * Who does what in a deciding body (pure). The chair, vice-chairs and members vote and answer
 * opinion forms; the secretary and the support staff (bộ phận tham mưu) prepare and follow up;
 * the chair approves. Nobody outside the body sees anything of its work.
 */

export const bodyRoles = ["chair", "vice_chair", "member", "secretary", "support"] as const;
export type BodyRole = (typeof bodyRoles)[number];

export const votingRoles: readonly BodyRole[] = ["chair", "vice_chair", "member"];

export function isVotingRole(role: string): boolean {
  return (votingRoles as readonly string[]).includes(role);
}

export type BodyAction =
  /** See the body's forms, meetings, tasks. */
  | "see"
  /** Prepare an opinion form or a meeting, draft a conclusion or minutes, remind members. */
  | "prepare"
  /** Approve a form, confirm a conclusion, approve minutes. */
  | "approve"
  /** Answer an opinion form, vote. */
  | "answer";

/** Whether a member with this role may do this in the body (null: not a member, nothing). */
export function mayDo(role: BodyRole | null, action: BodyAction): boolean {
  if (role === null) return false;
  switch (action) {
    case "see":
      return true;
    case "prepare":
      return role === "secretary" || role === "support";
    case "approve":
      return role === "chair";
    case "answer":
      return isVotingRole(role);
  }
}

/** The problem with a body's membership as a whole: exactly one chair, at least one secretary. */
export function membershipProblem(
  roles: readonly string[],
): "no_chair" | "two_chairs" | "no_secretary" | null {
  const chairs = roles.filter((role) => role === "chair").length;
  if (chairs === 0) return "no_chair";
  if (chairs > 1) return "two_chairs";
  if (!roles.includes("secretary")) return "no_secretary";
  return null;
}
