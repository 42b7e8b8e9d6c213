import { describe, expect, it } from "vitest";
import { appointmentState, endOf } from "@/lib/dossiers/rules";
import { dossierStatuses, type DossierStatus } from "@/lib/dossiers/types";

const at = new Date("2026-03-09T07:00:00Z");
const due = new Date("2026-03-13T10:00:00Z");

describe("the appointment date as the pages tell it", () => {
  const cases: [DossierStatus, Date | null, "set" | "pending" | "none"][] = [
    ["draft", null, "pending"],
    ["submitted", null, "pending"],
    ["supplement_requested", null, "pending"],
    ["received", due, "set"],
    ["supplement_requested", due, "set"],
    ["done", due, "set"],
    // Ended before acceptance: no appointment will ever come, so never "set when accepted".
    ["refused", null, "none"],
    ["withdrawn", null, "none"],
    ["withdrawn", due, "set"],
    ["stopped", due, "set"],
  ];
  it.each(cases)("%s with due date %s -> %s", (status, dueAt, expected) => {
    expect(appointmentState(status, dueAt)).toBe(expected);
  });
});

describe("how a dossier ended", () => {
  it.each([
    ["done", "result"],
    ["returned", "result"],
    // Refused, withdrawn and stopped have an end date but no result: never a "result date".
    ["refused", "refused"],
    ["withdrawn", "withdrawn"],
    ["stopped", "stopped"],
  ] as const)("%s -> %s", (status, kind) => {
    expect(endOf(status, at)).toEqual({ kind, at });
    expect(endOf(status, at.toISOString())).toEqual({ kind, at: at.toISOString() });
  });

  it("is null while open, and without an end date", () => {
    for (const status of dossierStatuses) expect(endOf(status, null)).toBe(null);
    for (const status of ["draft", "submitted", "received", "in_progress", "proposed"] as const) {
      expect(endOf(status, at)).toBe(null);
    }
  });
});
