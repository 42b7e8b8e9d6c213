import { describe, expect, it } from "vitest";
import {
  bodyRoles,
  may,
  mayDo,
  membershipProblem,
  type BodyAction,
  type MeetingRole,
} from "@/lib/meetings/roles";

/* The one table of who may do what in a body and its meetings: every role against every action. */
const roles: readonly (MeetingRole | null)[] = [...bodyRoles, "guest", null];

// Columns: chair, vice_chair, member, secretary, support, guest, nobody.
const table: Record<BodyAction, readonly boolean[]> = {
  see: [true, true, true, true, true, true, false],
  prepare: [false, false, false, true, true, false, false],
  publish: [true, false, false, true, true, false, false],
  approve: [true, false, false, false, false, false, false],
  answer: [true, true, true, false, false, false, false],
  run: [true, false, false, true, false, false, false],
  attend: [true, true, true, false, false, true, false],
  manage_tasks: [true, false, false, true, true, false, false],
  see_dashboard: [true, true, false, true, true, false, false],
};

const cases = Object.entries(table).flatMap(([action, row]) =>
  roles.map((role, i) => [role, action as BodyAction, row[i]!] as const),
);

describe("who may do what", () => {
  it.each(cases)("%s may %s: %s", (role, action, expected) => {
    expect(mayDo(role, action)).toBe(expected);
    expect(may(action)(role)).toBe(expected);
  });

  it("a guest never votes nor prepares, and nobody outside does anything", () => {
    expect(mayDo("guest", "answer")).toBe(false);
    expect(mayDo("guest", "prepare")).toBe(false);
    for (const action of Object.keys(table) as BodyAction[]) expect(mayDo(null, action)).toBe(false);
  });
});

describe("a body's membership", () => {
  it.each([
    [["chair", "secretary", "member"], null],
    [["secretary"], "no_chair"],
    [["chair", "chair", "secretary"], "two_chairs"],
    [["chair", "support"], "no_secretary"],
  ] as const)("%j: %s", (membership, expected) => {
    expect(membershipProblem(membership)).toBe(expected);
  });
});
