import { describe, expect, it } from "vitest";
import { dossierCodeDay, formatDossierCode } from "@/lib/dossiers/rules";

describe("dossier code", () => {
  it("formats {agency}-{yyMMdd}-{NNNN}", () => {
    expect(formatDossierCode("000.00.01.H22", new Date("2025-07-01T03:00:00Z"), 1)).toBe(
      "000.00.01.H22-250701-0001",
    );
    expect(formatDossierCode("000.00.01.H22", new Date("2025-07-01T03:00:00Z"), 42)).toBe(
      "000.00.01.H22-250701-0042",
    );
    expect(formatDossierCode("000.00.01.H22", new Date("2025-07-01T03:00:00Z"), 9999)).toBe(
      "000.00.01.H22-250701-9999",
    );
  });

  it("keeps every digit past 9999", () => {
    expect(formatDossierCode("X", new Date("2025-07-01T03:00:00Z"), 12345)).toBe("X-250701-12345");
  });

  it("takes the day in Vietnam's time: 17:00 UTC is midnight there", () => {
    expect(dossierCodeDay(new Date("2025-12-31T16:59:59Z"))).toBe("251231");
    expect(dossierCodeDay(new Date("2025-12-31T17:00:00Z"))).toBe("260101");
    expect(formatDossierCode("A", new Date("2026-02-28T17:00:00Z"), 7)).toBe("A-260301-0007");
  });
});
