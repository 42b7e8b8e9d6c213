import { describe, expect, it } from "vitest";
import { agencySchema } from "@/lib/agencies/schema";
import { issuesOf } from "@/lib/result";

const base = {
  code: "000.00.09.H33",
  nameVi: "Sở Thử nghiệm",
  nameEn: "Test Department",
  parentId: "",
  kind: "department",
  level: "province",
  address: "",
  validFrom: "",
  validTo: "",
  successorId: "",
};

describe("an agency's bank account", () => {
  it("is optional: none at all, or all three empty", () => {
    expect(agencySchema.safeParse(base).success).toBe(true);
    const empty = agencySchema.safeParse({
      ...base,
      bankBin: "",
      bankAccountNumber: "",
      bankAccountName: " ",
    });
    expect(empty.success && empty.data).toMatchObject({
      bankBin: null,
      bankAccountNumber: null,
      bankAccountName: null,
    });
  });

  it("takes a 6-digit BIN, 6–19 digits of account (spaces dropped) and the holder in capitals", () => {
    const parsed = agencySchema.safeParse({
      ...base,
      bankBin: " 970436 ",
      bankAccountNumber: "0011 0012 34567",
      bankAccountName: "Sở Tư pháp tỉnh Hưng Yên",
    });
    expect(parsed.success && parsed.data).toMatchObject({
      bankBin: "970436",
      bankAccountNumber: "0011001234567",
      bankAccountName: "SỞ TƯ PHÁP TỈNH HƯNG YÊN",
    });
  });

  it("refuses a malformed BIN or account, and part of an account", () => {
    const bad = agencySchema.safeParse({
      ...base,
      bankBin: "97043",
      bankAccountNumber: "12a45",
      bankAccountName: "X",
    });
    expect(bad.success).toBe(false);
    expect(issuesOf(bad.error!)).toMatchObject({
      bankBin: ["admin:fieldErrors.bankBin"],
      bankAccountNumber: ["admin:fieldErrors.bankAccountNumber"],
    });
    const long = agencySchema.safeParse({
      ...base,
      bankBin: "970436",
      bankAccountNumber: "1".repeat(20),
      bankAccountName: "X",
    });
    expect(long.success).toBe(false);
    const part = agencySchema.safeParse({
      ...base,
      bankBin: "970436",
      bankAccountNumber: "",
      bankAccountName: "",
    });
    expect(part.success).toBe(false);
    expect(issuesOf(part.error!)).toEqual({
      bankAccountNumber: ["admin:fieldErrors.bankIncomplete"],
      bankAccountName: ["admin:fieldErrors.bankIncomplete"],
    });
  });
});
