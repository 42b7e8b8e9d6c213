import { describe, expect, it } from "vitest";
import { localized } from "@/lib/i18n/localized";

describe("localized", () => {
  const agency = { nameVi: "Sở Tư pháp", nameEn: "Department of Justice" };
  const decision = { summaryVi: "Cấp giấy phép", summaryEn: "Permit issued" };

  it("gives a record's name in the reader's language", () => {
    expect(localized("vi", agency)).toBe("Sở Tư pháp");
    expect(localized("en", agency)).toBe("Department of Justice");
  });

  it("gives any bilingual column by its key", () => {
    expect(localized("vi", decision, "summary")).toBe("Cấp giấy phép");
    expect(localized("en", decision, "summary")).toBe("Permit issued");
  });
});
