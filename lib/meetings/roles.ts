/**
 * Who does what in a deciding body (pure): the one table of the workspace's permissions. The chair,
 * vice-chairs and members vote and answer opinion forms; the secretary and the support staff (bộ
 * phận tham mưu) prepare and follow up; the chair approves; the chair and the secretary run a
 * session. A meeting's invited guest (not a member) sees that meeting, attends and speaks, and
 * never votes. Nobody outside the body sees anything of its work. Who holds which role is read in
 * one place only: lib/meetings/access.ts.
 */

export const bodyRoles = ["chair", "vice_chair", "member", "secretary", "support"] as const;
export type BodyRole = (typeof bodyRoles)[number];

/** A role in one meeting: the role in its body, or "guest" for someone invited to it alone. */
export type MeetingRole = BodyRole | "guest";

export const votingRoles: readonly BodyRole[] = ["chair", "vice_chair", "member"];

export function isVotingRole(role: string): boolean {
  return (votingRoles as readonly string[]).includes(role);
}

export type BodyAction =
  /** See the body's forms, meetings, tasks (a guest: the meeting they are invited to). */
  | "see"
  /** Prepare an opinion form or a meeting, draft a conclusion or minutes, remind members. */
  | "prepare"
  /** Send a meeting's documents out: those who prepare it, or the chair (who may allow it late). */
  | "publish"
  /** Approve a form, confirm a conclusion, approve minutes. */
  | "approve"
  /** Answer an opinion form, vote. */
  | "answer"
  /** Run the session: open items, give the floor, open and close votes, publish minutes. */
  | "run"
  /** Answer a meeting's invitation, check in, comment ahead, ask to speak. */
  | "attend"
  /** Create tasks from a conclusion, reassign them. */
  | "manage_tasks"
  /** See the body's task dashboard. */
  | "see_dashboard";

const all: readonly MeetingRole[] = [...bodyRoles, "guest"];

/** The table: who may do each action. Read top to bottom; mayDo only looks it up. */
export const permissions: Readonly<Record<BodyAction, readonly MeetingRole[]>> = {
  see: all,
  prepare: ["secretary", "support"],
  publish: ["secretary", "support", "chair"],
  approve: ["chair"],
  answer: votingRoles,
  run: ["chair", "secretary"],
  attend: [...votingRoles, "guest"],
  manage_tasks: ["chair", "secretary", "support"],
  see_dashboard: ["chair", "vice_chair", "secretary", "support"],
};

/** Whether someone with this role may do this (null: not of the body nor invited, nothing). */
export function mayDo(role: MeetingRole | null, action: BodyAction): boolean {
  return role !== null && permissions[action].includes(role);
}

/** One action as a predicate on the role, for the services' guards (withMeeting(…, may("run"), …)). */
export const may =
  (action: BodyAction) =>
  (role: MeetingRole | null): boolean =>
    mayDo(role, action);

/* Shorthands the meeting services use (the same table). */
export const mayPrepare = may("prepare");
export const mayRun = may("run");
export const mayAttend = may("attend");
export const isVoting = may("answer");

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
