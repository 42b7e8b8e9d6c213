import { describe, expect, it } from "vitest";
import {
  isDecisionPublisher,
  mayPublishDecision,
  publishRefusal,
  type PublishableDossier,
} from "@/lib/decisions/rules";
import type { Actor } from "@/lib/identity/types";

const COMPETENT = "agency-competent";
const dossier: PublishableDossier = {
  status: "done",
  outcome: "approved",
  competentAgencyId: COMPETENT,
  decisionPublished: false,
};
const staff = (...roles: { agencyId: string; role: "head" | "specialist" | "receiver" }[]): Actor => ({
  kind: "staff",
  userId: "u",
  name: "u",
  roles,
});
const head = staff({ agencyId: COMPETENT, role: "head" });

describe("who may publish a decision", () => {
  it.each([
    ["done", "approved", false, null],
    ["returned", "denied", false, null],
    ["done", null, false, "not_decided"],
    ["proposed", null, false, "not_decided"],
    ["in_progress", null, false, "not_decided"],
    ["refused", null, false, "not_decided"],
    ["stopped", null, false, "not_decided"],
    ["returned", "approved", true, "already_published"],
  ] as const)("%s, outcome %s, published %s -> %s", (status, outcome, decisionPublished, expected) => {
    const state = { ...dossier, status, outcome, decisionPublished };
    expect(publishRefusal(state)).toBe(expected);
    expect(mayPublishDecision(state, head)).toBe(expected === null);
  });

  it("is a head of the competent agency only", () => {
    expect(isDecisionPublisher(dossier, head)).toBe(true);
    expect(isDecisionPublisher(dossier, staff({ agencyId: COMPETENT, role: "specialist" }))).toBe(false);
    expect(isDecisionPublisher(dossier, staff({ agencyId: "elsewhere", role: "head" }))).toBe(false);
    expect(isDecisionPublisher(dossier, { kind: "anonymous" })).toBe(false);
    expect(
      isDecisionPublisher(dossier, { kind: "applicant", userId: "u", name: "u", organisationIds: [] }),
    ).toBe(false);
  });
});
