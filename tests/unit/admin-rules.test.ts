import { describe, expect, it } from "vitest";
import {
  descendantsAndSelf,
  hasEnded,
  isAgencyCode,
  makesCycle,
  successorProblem,
  treeOrder,
} from "@/lib/agencies/rules";
import { agencySchema } from "@/lib/agencies/schema";
import {
  adminScope,
  disableProblem,
  generatedPassword,
  grantProblem,
  mayManageAccount,
  revokeProblem,
} from "@/lib/identity/adminRules";
import type { Actor, StaffRole } from "@/lib/identity/types";

const tree = [
  { id: "province", parentId: null, code: "000.00.01.H33" },
  { id: "dept", parentId: "province", code: "000.00.02.H33" },
  { id: "unit", parentId: "dept", code: "000.00.03.H33" },
  { id: "ward", parentId: null, code: "000.01.01.H33" },
  { id: "wardPoint", parentId: "ward", code: "000.01.02.H33" },
];
const staff = (...roles: [string, StaffRole][]): Actor => ({
  kind: "staff",
  userId: "me",
  name: "Tester",
  roles: roles.map(([agencyId, role]) => ({ agencyId, role })),
});

describe("agency code format", () => {
  it.each([
    ["000.00.01.H33", true],
    ["000.00.00.H30", true],
    [" 000.00.01.h33 ", true],
    ["000.00.00.G12", true],
    ["000.00.1.H33", false],
    ["000.00.01-H33", false],
    ["000.00.01.H3", false],
    ["H33", false],
  ])("%s → %s", (code, valid) => expect(isAgencyCode(code)).toBe(valid));

  it("the form schema stores it trimmed in upper case and says what is wrong", () => {
    const base = {
      nameVi: "Sở Y tế",
      nameEn: "Health",
      parentId: "",
      kind: "department",
      level: "province",
      address: "",
      validFrom: "",
      validTo: "",
      successorId: "",
    };
    const parsed = agencySchema.safeParse({ ...base, code: " 000.00.09.h33" });
    expect(parsed.success && parsed.data.code).toBe("000.00.09.H33");
    const wrong = agencySchema.safeParse({ ...base, code: "00.09.H33" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("admin:fieldErrors.code");
    const dates = agencySchema.safeParse({
      ...base,
      code: "000.00.09.H33",
      validFrom: "2026-02-01",
      validTo: "2026-01-01",
    });
    expect(dates.error?.issues[0]).toMatchObject({
      path: ["validTo"],
      message: "admin:fieldErrors.validToBeforeFrom",
    });
  });
});

describe("the agency tree", () => {
  it("descendants include the agency and every level under it", () => {
    expect(descendantsAndSelf(tree, ["province"])).toEqual(new Set(["province", "dept", "unit"]));
  });
  it("a parent under the agency itself is a cycle", () => {
    expect(makesCycle(tree, "province", "unit")).toBe(true);
    expect(makesCycle(tree, "province", "province")).toBe(true);
    expect(makesCycle(tree, "unit", "ward")).toBe(false);
  });
  it("orders each agency before its children with a depth", () => {
    expect(treeOrder(tree).map(({ node, depth }) => `${node.id}:${depth}`)).toEqual([
      "province:0",
      "dept:1",
      "unit:2",
      "ward:0",
      "wardPoint:1",
    ]);
  });
});

describe("successor validity (mergers)", () => {
  const successor = (
    validFrom: string | null,
    validTo: string | null,
    successorId: string | null = null,
  ) => ({
    id: "new",
    validFrom,
    validTo,
    successorId,
  });
  const none = () => null;
  it("needs an end date, another agency, in force the day after the end", () => {
    expect(successorProblem({ id: "old", validFrom: null, validTo: null }, successor(null, null), none)).toBe(
      "successorNeedsEnd",
    );
    expect(
      successorProblem({ id: "new", validFrom: null, validTo: "2025-06-30" }, successor(null, null), none),
    ).toBe("successorSelf");
    expect(
      successorProblem(
        { id: "old", validFrom: null, validTo: "2025-06-30" },
        successor("2025-07-01", null),
        none,
      ),
    ).toBeNull();
    expect(
      successorProblem(
        { id: "old", validFrom: null, validTo: "2025-06-30" },
        successor("2025-07-02", null),
        none,
      ),
    ).toBe("successorNotInForce");
    expect(
      successorProblem(
        { id: "old", validFrom: null, validTo: "2025-06-30" },
        successor(null, "2025-06-30"),
        none,
      ),
    ).toBe("successorNotInForce");
  });
  it("refuses a chain that comes back to the agency", () => {
    expect(
      successorProblem(
        { id: "old", validFrom: null, validTo: "2025-06-30" },
        successor(null, null, "mid"),
        (id) => (id === "mid" ? "old" : null),
      ),
    ).toBe("successorCycle");
  });
  it("an agency whose end date has passed has ended", () => {
    expect(hasEnded({ validFrom: null, validTo: "2025-06-30" }, "2025-07-01")).toBe(true);
    expect(hasEnded({ validFrom: null, validTo: "2025-06-30" }, "2025-06-30")).toBe(false);
  });
});

describe("who may grant what", () => {
  const system = adminScope(staff(["province", "system_admin"]), tree)!;
  const wardAdmin = adminScope(staff(["ward", "agency_admin"]), tree)!;
  it("nobody without an admin role administers anything", () => {
    expect(adminScope(staff(["ward", "head"]), tree)).toBeNull();
    expect(adminScope({ kind: "anonymous" }, tree)).toBeNull();
  });
  it("a system administrator grants every role anywhere", () => {
    expect(grantProblem(system, "system_admin", "ward")).toBeNull();
    expect(grantProblem(system, "receiver", "unit")).toBeNull();
  });
  it("an agency administrator grants inside their agency and its children, never system_admin", () => {
    expect(grantProblem(wardAdmin, "receiver", "ward")).toBeNull();
    expect(grantProblem(wardAdmin, "agency_admin", "wardPoint")).toBeNull();
    expect(grantProblem(wardAdmin, "receiver", "province")).toBe("outside_scope");
    expect(grantProblem(wardAdmin, "system_admin", "ward")).toBe("role_not_allowed");
  });
  it("an agency administrator manages only accounts wholly inside their scope", () => {
    expect(mayManageAccount(wardAdmin, [{ agencyId: "wardPoint", role: "receiver" }])).toBe(true);
    expect(
      mayManageAccount(wardAdmin, [
        { agencyId: "ward", role: "receiver" },
        { agencyId: "dept", role: "head" },
      ]),
    ).toBe(false);
    expect(mayManageAccount(wardAdmin, [{ agencyId: "ward", role: "system_admin" }])).toBe(false);
    expect(mayManageAccount(system, [])).toBe(true);
  });
});

describe("the last admin seat", () => {
  it("nobody disables themselves", () => {
    expect(disableProblem("me", "me", ["me", "other"])).toBe("self");
  });
  it("the last enabled system administrator cannot be disabled or lose the role", () => {
    expect(disableProblem("me", "only", ["only"])).toBe("last_system_admin");
    expect(disableProblem("me", "one", ["one", "two"])).toBeNull();
    expect(revokeProblem("only", "system_admin", ["only"])).toBe("last_system_admin");
    expect(revokeProblem("one", "system_admin", ["one", "two"])).toBeNull();
    expect(revokeProblem("only", "receiver", ["only"])).toBeNull();
  });
});

describe("generated passwords", () => {
  it("are 4 groups of 4 characters without look-alikes", () => {
    let i = 0;
    const password = generatedPassword((n) => i++ % n);
    expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
  });
});
