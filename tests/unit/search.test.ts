import { describe, expect, it } from "vitest";
import { searchable } from "@/lib/text/normalize";
import { catalogueQuerySchema } from "@/lib/catalog/schema";

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
    expect(catalogueQuerySchema.parse({ q: "x".repeat(500), page: "-3" })).toEqual({ q: "", field: "", agency: "", page: 1 });
    expect(catalogueQuerySchema.parse({ q: " khai sinh ", page: "2" })).toMatchObject({ q: "khai sinh", page: 2 });
  });
});
