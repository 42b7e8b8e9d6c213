import { describe, expect, it } from "vitest";
import { searchable } from "@/lib/text/normalize";
import { catalogueQuerySchema } from "@/lib/catalog/schema";
import { feeTextAddsDetail, isFree, timeLimitDays } from "@/lib/catalog/rules";

describe("searchable", () => {
  it.each([
    ["Đăng ký khai sinh", "dang ky khai sinh"],
    ["ĐĂNG KÝ", "dang ky"],
    ["  Cấp   phiếu lý lịch  tư pháp ", "cap phieu ly lich tu phap"],
    ["Chứng thực bản sao từ bản chính", "chung thuc ban sao tu ban chinh"],
    ["Giấy phép xây dựng", "giay phep xay dung"],
    ["dang ky", "dang ky"],
  ])("%s -> %s", (input, expected) => {
    expect(searchable(input)).toBe(expected);
  });

  it("gives the same text for composed and decomposed Vietnamese", () => {
    const composed = "Hộ tịch";
    expect(searchable(composed.normalize("NFD"))).toBe(searchable(composed.normalize("NFC")));
  });
});

describe("catalogue query", () => {
  it("drops bad values instead of failing the search", () => {
    expect(catalogueQuerySchema.parse({ q: "x".repeat(500), page: "-3" })).toEqual({
      q: "",
      field: "",
      agency: "",
      audience: "",
      online: "",
      event: "",
      page: 1,
    });
    expect(catalogueQuerySchema.parse({ q: " khai sinh ", page: "2" })).toMatchObject({
      q: "khai sinh",
      page: 2,
    });
  });
});

describe("fee wording", () => {
  it.each([
    ["100.000 Việt Nam Đồng", false],
    ["50,000 đồng", false],
    ["200.000 VND", false],
    ["8.000 đồng/bản", true],
    ["Lệ phí: 100.000 đồng; phí thẩm định 50.000 đồng", true],
  ])("%s adds detail: %s", (asPublished, expected) => {
    expect(feeTextAddsDetail({ channel: "online", amountVnd: 100000, asPublished })).toBe(expected);
  });

  it("reads a fee as free from its amount or its wording", () => {
    expect(isFree({ channel: "desk", amountVnd: 0, asPublished: "" })).toBe(true);
    expect(isFree({ channel: "desk", amountVnd: null, asPublished: "Miễn phí" })).toBe(true);
    expect(isFree({ channel: "desk", amountVnd: null, asPublished: "Theo quy định của HĐND tỉnh" })).toBe(
      false,
    );
  });

  it("shows time limits in working days", () => {
    expect(timeLimitDays(8)).toBe(1);
    expect(timeLimitDays(4)).toBe(0.5);
    expect(timeLimitDays(120)).toBe(15);
  });
});
