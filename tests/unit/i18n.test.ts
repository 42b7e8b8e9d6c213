import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, formatNumber, formatVnd } from "@/lib/i18n/format";
import { langFromAcceptLanguage } from "@/lib/i18n/settings";
import { createI18n } from "@/lib/i18n/instance";
import { searchable } from "@/lib/text/normalize";

// Intl may use narrow no-break spaces; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatting per language, in Vietnam's time", () => {
  // 17:30 UTC on 31 Dec is already 1 January in Hà Nội.
  const newYear = new Date("2025-12-31T17:30:00Z");

  it("shows dates and times in Asia/Ho_Chi_Minh whatever the server's zone", () => {
    expect(formatDate(newYear, "vi")).toBe("01/01/2026");
    expect(formatDate(newYear, "en")).toBe("01/01/2026");
    expect(formatDateTime(newYear, "vi")).toContain("00:30");
    expect(formatDateTime(newYear, "en")).toContain("00:30");
  });

  it("writes money in đồng with the separators of each language", () => {
    expect(plain(formatVnd(150000, "vi"))).toBe("150.000 ₫");
    expect(plain(formatVnd(150000, "en"))).toMatch(/^(₫|VND) ?150,000$/);
    expect(formatNumber(1234567, "vi")).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });

  it("names months as the administration writes them", () => {
    expect(formatMonth("2026-02", "vi")).toBe("02/2026");
    expect(formatMonth("2026-02", "en")).toBe("Feb 2026");
  });

  it("returns nothing for a missing date rather than 'Invalid Date'", () => {
    expect(formatDate(null, "vi")).toBe("");
    expect(formatDateTime(undefined, "en")).toBe("");
  });
});

describe("choosing the language", () => {
  it.each([
    ["vi-VN,vi;q=0.9,en;q=0.8", "vi"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5", "en"],
    ["fr-FR,de;q=0.9", null],
    ["en;q=0.2,vi;q=0.8", "vi"],
    ["vi;q=0,en", "en"],
    ["", null],
  ])("Accept-Language %j gives %j", (header, expected) => {
    expect(langFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("one i18next instance per request", () => {
  it("keeps each instance in its own language", () => {
    const vi = createI18n("vi");
    const en = createI18n("en");
    expect(vi.t("nav.procedures")).toBe("Thủ tục hành chính");
    expect(en.t("nav.procedures")).toBe("Procedures");
    expect(vi.t("nav.procedures")).toBe("Thủ tục hành chính");
  });
});

describe("accent-free search text", () => {
  it("folds Vietnamese letters, đ included, and spacing", () => {
    expect(searchable("  Đăng ký   KHAI SINH ")).toBe("dang ky khai sinh");
    expect(searchable("Lý lịch tư pháp")).toBe("ly lich tu phap");
  });
});
