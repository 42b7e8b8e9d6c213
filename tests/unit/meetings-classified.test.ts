import { describe, expect, it } from "vitest";
import { looksClassified } from "@/lib/meetings/classified";

describe("classified material (out of the workspace's scope)", () => {
  it.each([
    "Tài liệu mật",
    "TỐI MẬT - đề án",
    "tuyệt mật",
    "du-thao-mật.pdf",
    "Báo cáo_Mật.pdf",
    "CLASSIFIED report",
    "top-secret.pdf",
    "Secret",
  ])("refuses %s", (text) => expect(looksClassified(text)).toBe(true));

  it.each([
    "Dự thảo quyết định",
    "mặt bằng.pdf",
    "mát mẻ",
    "secretary report.pdf",
    "declassified? no: declassification-plan.pdf",
    null,
    "",
  ])("accepts %s", (text) => expect(looksClassified(text)).toBe(false));
});
