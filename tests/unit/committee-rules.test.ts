import { describe, expect, it } from "vitest";
import { committeeEntryShown, committeeRefusal } from "@/lib/dossiers/committeeRules";

describe("committeeRefusal: which body takes which dossier onto its agenda", () => {
  const flagged = { needsCommitteeDecision: true, competentAgencyId: "justice" };
  it.each([
    [
      "a procedure the agency decides alone",
      { ...flagged, needsCommitteeDecision: false },
      null,
      "not_committee",
    ],
    ["the agency's own body", flagged, "justice", null],
    ["another agency's body", flagged, "health", "wrong_agency"],
    ["the provincial committee (no agency)", flagged, null, null],
  ] as const)("%s", (_, dossier, agencyId, expected) => {
    expect(committeeRefusal(dossier, { agencyId })).toBe(expected);
  });
});

describe("committeeEntryShown: the dossier page's line for a body's work", () => {
  it.each([
    ["member, agenda item", "member", { kind: "agenda_item" }, "linked"],
    ["non-member, agenda item", null, { kind: "agenda_item" }, "plain"],
    ["member, open form", "member", { kind: "opinion_form", status: "open" }, "linked"],
    ["non-member, concluded form", null, { kind: "opinion_form", status: "concluded" }, "plain"],
    ["member, draft form", "member", { kind: "opinion_form", status: "draft" }, "hidden"],
    ["secretary, draft form", "secretary", { kind: "opinion_form", status: "draft" }, "linked"],
    [
      "chair, form awaiting approval",
      "chair",
      { kind: "opinion_form", status: "awaiting_approval" },
      "linked",
    ],
    [
      "non-member, form awaiting approval",
      null,
      { kind: "opinion_form", status: "awaiting_approval" },
      "hidden",
    ],
  ] as const)("%s", (_, role, entry, expected) => {
    expect(committeeEntryShown(role, entry)).toBe(expected);
  });
});
