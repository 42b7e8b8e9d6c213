import { describe, expect, it } from "vitest";
import { receivedDocuments } from "@/lib/slips/content";
import {
  availableSlips,
  delayDetails,
  handOvers,
  lookupUrl,
  registerDefaultPeriod,
  registerInstants,
  registerPeriod,
  slipFileName,
  timingOf,
  triggerEvent,
  type SlipEvent,
} from "@/lib/slips/rules";

const vn = (local: string) => new Date(`${local}+07:00`);
let id = 0;
const event = (action: string, at: string, extra: Partial<SlipEvent> = {}): SlipEvent => ({
  id: ++id,
  at: vn(at),
  action,
  comment: null,
  details: null,
  actorName: null,
  ...extra,
});

describe("which slips a dossier has", () => {
  const filed = [event("submit", "2026-03-06T09:00:00")];
  const accepted = [...filed, event("accept", "2026-03-06T09:30:00")];

  it("has none as a draft, and only the control slip (staff) once filed", () => {
    expect(availableSlips({ code: null }, [], "staff")).toEqual([]);
    expect(availableSlips({ code: "X" }, filed, "staff")).toEqual(["06"]);
    expect(availableSlips({ code: "X" }, filed, "applicant")).toEqual([]);
  });

  it("issues each slip with its event, and never 06 to the applicant", () => {
    const events = [
      ...accepted,
      event("request_supplement", "2026-03-09T09:00:00"),
      event("approve_delay", "2026-03-12T09:00:00"),
      event("stop", "2026-03-13T09:00:00"),
    ];
    expect(availableSlips({ code: "X" }, events, "staff")).toEqual(["01", "02", "04", "05", "06"]);
    expect(availableSlips({ code: "X" }, events, "applicant")).toEqual(["01", "02", "04", "05"]);
    expect(
      availableSlips({ code: "X" }, [...filed, event("refuse", "2026-03-06T10:00:00")], "applicant"),
    ).toEqual(["03"]);
  });

  it("prints 01 from the first acceptance and the others from their latest event", () => {
    const first = event("accept", "2026-03-06T09:30:00");
    const again = event("accept", "2026-03-10T09:30:00");
    const older = event("request_supplement", "2026-03-06T09:00:00", { comment: "old" });
    const newer = event("request_supplement", "2026-03-09T09:00:00", { comment: "new" });
    expect(triggerEvent("01", [again, first])).toBe(first);
    expect(triggerEvent("02", [newer, older])).toBe(newer);
    expect(triggerEvent("06", [first])).toBeNull();
  });
});

describe("slip 04's event", () => {
  it("reads reason, original and new date, and refuses an event without them", () => {
    expect(
      delayDetails({
        comment: null,
        details: {
          reason: " Chờ xác minh ",
          originalDueAt: "2026-03-16T10:00:00Z",
          newDueAt: "2026-03-20T10:00:00Z",
        },
      }),
    ).toEqual({
      reason: "Chờ xác minh",
      originalDueAt: new Date("2026-03-16T10:00:00Z"),
      newDueAt: new Date("2026-03-20T10:00:00Z"),
    });
    // The comment stands in for a missing reason.
    expect(
      delayDetails({
        comment: "Lý do",
        details: { originalDueAt: "2026-03-16T10:00:00Z", newDueAt: "2026-03-20" },
      })?.reason,
    ).toBe("Lý do");
    expect(
      delayDetails({ comment: "Lý do", details: { originalDueAt: "soon", newDueAt: "2026-03-20" } }),
    ).toBeNull();
    expect(delayDetails({ comment: null, details: null })).toBeNull();
  });
});

describe("slip 06's hand-overs", () => {
  it("says early, on time or late in Vietnam's days", () => {
    const due = vn("2026-03-12T17:00:00");
    expect(timingOf(vn("2026-03-11T16:00:00"), due)).toBe("early");
    expect(timingOf(vn("2026-03-12T08:00:00"), due)).toBe("onTime");
    expect(timingOf(vn("2026-03-12T17:30:00"), due)).toBe("late");
    expect(timingOf(vn("2026-03-12T08:00:00"), null)).toBeNull();
  });

  it("lists who gave and who took, measuring the result against the date a supplement moved, not an apology's", () => {
    const steps = handOvers(
      [
        event("return_result", "2026-03-18T09:00:00", { actorName: "Desk" }),
        event("submit", "2026-03-06T09:00:00"),
        event("accept", "2026-03-06T09:30:00", {
          actorName: "Desk",
          details: { dueAt: vn("2026-03-12T17:00:00").toISOString() },
        }),
        event("assign", "2026-03-09T08:00:00", { actorName: "Head", details: { assigneeId: "u1" } }),
        event("request_supplement", "2026-03-09T09:00:00", { actorName: "Expert", comment: " Thiếu giấy " }),
        event("supplement", "2026-03-10T09:00:00", {
          details: { dueAt: vn("2026-03-13T17:00:00").toISOString() },
        }),
        event("approve_delay", "2026-03-13T10:00:00", {
          actorName: "Head",
          details: { newDueAt: vn("2026-03-20T17:00:00").toISOString() },
        }),
        event("propose", "2026-03-16T09:00:00", { actorName: "Expert" }),
        event("publish_decision", "2026-03-17T09:00:00", { actorName: "Head" }),
        event("approve", "2026-03-17T10:00:00", { actorName: "Head" }),
      ],
      { assignee: (userId) => (userId === "u1" ? "Expert" : null) },
    );
    expect(steps.map((step) => step.action)).toEqual([
      "submit",
      "accept",
      "assign",
      "request_supplement",
      "supplement",
      "approve_delay",
      "propose",
      "approve",
      "return_result",
    ]);
    expect(steps[0]).toMatchObject({ sender: { kind: "applicant" }, receiver: { kind: "desk" } });
    expect(steps[1]).toMatchObject({
      sender: { kind: "person", name: "Desk", side: "receiving" },
      receiver: { kind: "agency", side: "competent" },
    });
    expect(steps[2]).toMatchObject({ receiver: { kind: "person", name: "Expert", side: "competent" } });
    expect(steps[3]).toMatchObject({ note: "Thiếu giấy", receiver: { kind: "applicant" } });
    expect(steps[4]).toMatchObject({ receiver: { kind: "agency", side: "competent" } });
    expect(steps[6]).toMatchObject({ receiver: { kind: "head" } });
    expect(steps[7]).toMatchObject({ receiver: { kind: "desk" }, timing: "late" });
    expect(steps[8]).toMatchObject({ receiver: { kind: "applicant" }, timing: "late" });
  });
});

describe("the register's period", () => {
  it("takes two Vietnam dates in order, at most a year apart", () => {
    expect(registerPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      ok: true,
      value: { from: "2026-03-01", to: "2026-03-31" },
    });
    expect(registerPeriod({ from: "2026-01-01", to: "2026-12-31" }).ok).toBe(true);
    expect(registerPeriod({ from: "", to: "31/03/2026" })).toEqual({
      ok: false,
      issues: { from: ["register.errors.dateRequired"], to: ["register.errors.dateFormat"] },
    });
    expect(registerPeriod({ from: "2026-02-30", to: "2026-03-01" })).toEqual({
      ok: false,
      issues: { from: ["register.errors.dateFormat"] },
    });
    expect(registerPeriod({ from: "2026-03-02", to: "2026-03-01" })).toEqual({
      ok: false,
      issues: { to: ["register.errors.toBeforeFrom"] },
    });
    expect(registerPeriod({ from: "2025-01-01", to: "2026-01-02" })).toEqual({
      ok: false,
      issues: { to: ["register.errors.rangeTooLong"] },
    });
  });

  it("covers whole Vietnam days, and starts the form at this month so far", () => {
    expect(registerInstants({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      start: new Date("2026-02-28T17:00:00Z"),
      end: new Date("2026-03-31T17:00:00Z"),
    });
    // 17:30 UTC on 31 March is already 1 April in Vietnam.
    expect(registerDefaultPeriod(new Date("2026-03-31T17:30:00Z"))).toEqual({
      from: "2026-04-01",
      to: "2026-04-01",
    });
  });
});

describe("names and addresses", () => {
  it("names the file by slip and code, in ASCII", () => {
    expect(slipFileName("01", "000.00.01.H33-260306-0001", "vi")).toBe(
      "phieu-01-000.00.01.H33-260306-0001.pdf",
    );
    expect(slipFileName("06", "a/b", "en")).toBe("phieu-06-a_b-en.pdf");
    expect(slipFileName("07", "000.00.01.H33-2026-03-01-2026-03-31", "vi")).toBe(
      "so-theo-doi-000.00.01.H33-2026-03-01-2026-03-31.pdf",
    );
  });

  it("points the QR code at the public lookup page", () => {
    expect(lookupUrl("https://dvc.example.vn/", "vi", "000.00.01.H33-260306-0001")).toBe(
      "https://dvc.example.vn/vi/lookup?code=000.00.01.H33-260306-0001",
    );
  });
});

describe("slip 01's documents", () => {
  const documents = [
    { key: "a", name: { vi: "Tờ khai", en: "Form" }, required: true, originals: 1, copies: 0 },
    { key: "b", name: { vi: "Bản sao", en: "Copy" }, required: false, originals: 0, copies: 1 },
  ];

  it("lists what was handed in, counting files, and a paper dossier's required documents", () => {
    expect(
      receivedDocuments(documents, [{ documentKey: "b" }, { documentKey: "b" }, { documentKey: "x" }], "vi"),
    ).toEqual([
      { name: "Bản sao", originals: 0, copies: 1, files: 2 },
      { name: "x", originals: 0, copies: 0, files: 1 },
    ]);
    expect(receivedDocuments(documents, [], "en")).toEqual([
      { name: "Form", originals: 1, copies: 0, files: 0 },
    ]);
  });
});
