import { describe, expect, it } from "vitest";
import { createI18n } from "@/lib/i18n/instance";
import { conclusionDocument } from "@/lib/meetings/conclusion";

const translator = (lang: "vi" | "en") => {
  const t = createI18n(lang).getFixedT(lang, "workspace", "meetings");
  return (key: string, values?: Record<string, string | number>) => t(key, values);
};

const input = (lang: "vi" | "en") => ({
  lang,
  code: "HOP-2026-0002",
  title: "Phiên họp thường kỳ tháng 12",
  startsAt: new Date("2026-12-12T01:00:00Z"),
  place: "Phòng họp tầng 3",
  bodyName: "Ủy ban nhân dân tỉnh Hưng Yên",
  chairName: "Trịnh Quang Vinh",
  items: [],
  // 03:00 on 2 December in Vietnam: the date line is Vietnam's day, not UTC's.
  now: new Date("2026-12-01T20:00:00Z"),
});

describe("the conclusion notice", () => {
  it("dates itself as the official forms do, in Vietnam's time", () => {
    expect(conclusionDocument(input("vi"), translator("vi")).dateLine).toBe("ngày 02 tháng 12 năm 2026");
    expect(conclusionDocument(input("en"), translator("en")).dateLine).toBe("02/12/2026");
  });

  it("names the meeting by its title, its code once under the heading", () => {
    const document = conclusionDocument(input("vi"), translator("vi"));
    expect(document.codeLine).toBe("Phiên họp: HOP-2026-0002");
    expect(document.blocks[0]).toMatchObject({ kind: "field", value: "Phiên họp thường kỳ tháng 12" });
  });
});
