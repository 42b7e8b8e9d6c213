import { describe, expect, it } from "vitest";
import { nationalStatusCode, nationalStatusCodes } from "@/lib/dossiers/national";
import { dossierStatuses, type DossierStatus } from "@/lib/dossiers/types";

describe("national status codes", () => {
  // DOMAIN.md "The dossier (hồ sơ) and its life", written out again so a slip in the table shows here.
  const expected: Record<DossierStatus, number | null> = {
    draft: null,
    submitted: 1,
    received: 2,
    refused: 3,
    in_progress: 4,
    proposed: 4,
    supplement_requested: 5,
    awaiting_payment: 6,
    withdrawn: 7,
    stopped: 8,
    done: 9,
    returned: 10,
  };

  it.each(dossierStatuses.map((status) => ({ status, code: expected[status] })))(
    "$status -> $code",
    ({ status, code }) => {
      expect(nationalStatusCode(status)).toBe(code);
    },
  );

  it("maps every portal state and nothing else", () => {
    expect(Object.keys(nationalStatusCodes).sort()).toEqual([...dossierStatuses].sort());
  });

  it("uses each national code 1–10 for at least one state", () => {
    const used = new Set(Object.values(nationalStatusCodes).filter((code) => code !== null));
    expect([...used].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("gives only a draft no code", () => {
    expect(dossierStatuses.filter((status) => nationalStatusCode(status) === null)).toEqual(["draft"]);
  });
});
