import { describe, expect, it } from "vitest";
import { dossierActions, type DossierEventView } from "@/lib/dossiers/types";
import { applicantViews, eventForApplicant, type EventKind } from "@/lib/dossiers/visibility";

/** An event carrying everything an event can carry, internal parts included. */
function event(action: string): Omit<DossierEventView, "action"> & { action: string } {
  return {
    id: 7,
    at: new Date("2026-03-02T03:00:00Z"),
    action,
    fromStatus: "in_progress",
    toStatus: "proposed",
    actorName: "Trần Văn Cán Bộ",
    comment: `comment of ${action}`,
    details: {
      dueAt: "2026-03-20T10:00:00.000Z",
      previousDueAt: "2026-03-18T10:00:00.000Z",
      outcome: "approved",
      proposedOutcome: "denied",
      proposal: "deny",
      assigneeId: "3f0c8f0e-6a47-4f39-9c9c-1b1f2a0e9d11",
      previousAssigneeId: null,
      timeLimitDays: 5,
      supplementCount: 1,
      reaccepted: true,
      number: "125/QĐ-UBND",
      issuedOn: "2026-03-02",
      amountVnd: 8000,
      legalBasis: "Thông tư 281/2016/TT-BTC",
      receiptNumber: "BL-0001",
      paymentId: "6b1c7d7e-0000-4000-8000-000000000001",
      internal: "only for staff",
    },
  };
}

// The decision for every kind of event: does the applicant read its comment, which details.
const cases: [EventKind, { comment: boolean; details: Record<string, unknown> | null } | null][] = [
  ["create", { comment: false, details: null }],
  ["submit", { comment: true, details: null }],
  ["accept", { comment: true, details: { dueAt: "2026-03-20T10:00:00.000Z" } }],
  ["request_supplement", { comment: true, details: null }],
  [
    "supplement",
    {
      comment: true,
      details: { dueAt: "2026-03-20T10:00:00.000Z", previousDueAt: "2026-03-18T10:00:00.000Z" },
    },
  ],
  ["refuse", { comment: true, details: null }],
  ["assign", { comment: false, details: null }],
  ["propose", { comment: false, details: null }],
  ["approve", { comment: true, details: { outcome: "approved" } }],
  ["deny", { comment: true, details: { outcome: "approved" } }],
  ["return_result", { comment: true, details: null }],
  ["withdraw", { comment: true, details: null }],
  ["stop", { comment: true, details: null }],
  ["publish_decision", { comment: false, details: { number: "125/QĐ-UBND", issuedOn: "2026-03-02" } }],
  // Another agency's part: that it happened, not the exchange.
  ["consult", { comment: false, details: null }],
  ["answer_consultation", { comment: false, details: null }],
  ["transfer", { comment: false, details: null }],
  // The apology as approved: its reason and both dates (none of them in this event).
  ["approve_delay", { comment: false, details: null }],
  // Internal until decided, or a hand-back: not shown at all.
  ["propose_delay", null],
  ["reject_delay", null],
  ["release", null],
  // What is owed and why; how it was paid (not the internal payment id).
  [
    "request_payment",
    { comment: true, details: { amountVnd: 8000, legalBasis: "Thông tư 281/2016/TT-BTC" } },
  ],
  [
    "record_payment",
    {
      comment: false,
      details: {
        amountVnd: 8000,
        receiptNumber: "BL-0001",
        dueAt: "2026-03-20T10:00:00.000Z",
        previousDueAt: "2026-03-18T10:00:00.000Z",
      },
    },
  ],
];

describe("what the applicant sees of each event", () => {
  it("the table covers every action of the state machine (publish_decision included) and create", () => {
    const kinds = cases.map(([kind]) => kind).sort();
    expect(dossierActions).toContain("publish_decision");
    expect(kinds).toEqual([...dossierActions, "create"].sort());
    expect(Object.keys(applicantViews).sort()).toEqual(kinds);
  });

  it.each(cases)("%s", (kind, expected) => {
    const seen = eventForApplicant(event(kind));
    if (expected === null) return expect(seen).toBeNull();
    expect(seen).toEqual({
      id: 7,
      at: new Date("2026-03-02T03:00:00Z"),
      action: kind,
      fromStatus: "in_progress",
      toStatus: "proposed",
      actorName: null,
      comment: expected.comment ? `comment of ${kind}` : null,
      details: expected.details,
    });
  });

  it("never passes on the officer's name, an assignee, the proposal or an unlisted detail", () => {
    for (const [kind] of cases) {
      const text = JSON.stringify(eventForApplicant(event(kind)));
      expect(text).not.toContain("Cán Bộ");
      expect(text).not.toContain("3f0c8f0e");
      expect(text).not.toContain("proposal");
      expect(text).not.toContain("proposedOutcome");
      expect(text).not.toContain("only for staff");
    }
  });

  it("a specialist's proposal note to the head stays internal", () => {
    expect(eventForApplicant(event("propose"))?.comment).toBe(null);
    expect(eventForApplicant(event("assign"))?.comment).toBe(null);
  });

  it("hides an event of a kind nobody decided about", () => {
    expect(eventForApplicant(event("teleport"))).toBe(null);
    expect(eventForApplicant(event("toString"))).toBe(null);
    expect(eventForApplicant(event("__proto__"))).toBe(null);
  });

  it("an event without details or comment stays without", () => {
    const bare = { ...event("submit"), comment: null, details: null };
    expect(eventForApplicant(bare)).toMatchObject({ comment: null, details: null });
  });
});
