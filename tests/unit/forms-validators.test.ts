import { describe, expect, it } from "vitest";
import {
  idNumberProblem,
  isValidIdNumber,
  isValidPhone,
  isValidTaxCode,
  normalisePhone,
  normaliseTaxCode,
  parseMoney,
  phoneKind,
  taxCodeCheckDigit,
  taxCodeProblem,
} from "@/lib/forms/validators";

describe("isValidIdNumber (12 digits, a province code first)", () => {
  it.each([
    ["001090012345", true], // Hà Nội
    ["079200001111", true], // Hồ Chí Minh City
    ["096199012345", true], // Cà Mau, the last code
    ["033 190 012 345", true],
    ["033.190.012.345", true],
    ["000090012345", false], // no province 000
    ["003090012345", false], // 003 is not a province's code
    ["097190012345", false], // after the last code
    ["123456789012", false],
    ["00109001234", false], // 11 digits
    ["0010900123456", false], // 13 digits
    ["00109001234a", false],
    ["", false],
  ])("%s -> %s", (value, valid) => expect(isValidIdNumber(value)).toBe(valid));

  it("says why", () => {
    expect(idNumberProblem("12345")).toBe("errors.idNumber");
    expect(idNumberProblem("003090012345")).toBe("errors.idNumberProvince");
    expect(idNumberProblem("033190012345")).toBeNull();
  });
});

describe("isValidTaxCode (check digit: weights 31 29 23 19 17 13 7 5 3, 10 − sum mod 11)", () => {
  it.each([
    ["0100109106", true], // real codes
    ["0101243150", true],
    ["0100233488", true],
    ["0100112437", true],
    ["0314409058-002", true],
    ["0312687878-001", true],
    ["0100109106-001", true], // a branch
    ["0100109106001", true], // the branch typed without its dash
    ["0100 109 106", true],
    ["0100109107", false], // wrong check digit
    ["0101243151", false],
    // Given as an example in the brief, but its check digit would be 9 (Σ = 386, 386 mod 11 = 1).
    ["0302639947", false],
    ["0100233480", false],
    ["0100000003", false], // right check digit, but the sequence starts at 0000001
    ["0000000000", false], // the check would be 10: no code starts so
    ["010010910", false], // 9 digits
    ["01001091060", false], // 11 digits
    ["0100109106-01", false],
    ["0100109106-000", false], // branches are numbered from 001
    ["0100109107-001", false], // a branch of a wrong code
    ["abcdefghij", false],
  ])("%s -> %s", (value, valid) => expect(isValidTaxCode(value)).toBe(valid));

  it("computes the check digit", () => {
    expect(taxCodeCheckDigit("010010910")).toBe(6);
    expect(taxCodeCheckDigit("010124315")).toBe(0);
    expect(taxCodeCheckDigit("030263994")).toBe(9);
    expect(taxCodeCheckDigit("000000000")).toBeNull();
    expect(taxCodeCheckDigit("12345")).toBeNull();
  });

  it("writes a branch with its dash and says why a code is wrong", () => {
    expect(normaliseTaxCode("0100109106001")).toBe("0100109106-001");
    expect(normaliseTaxCode("0100.109.106")).toBe("0100109106");
    expect(normaliseTaxCode("12-34")).toBeNull();
    expect(taxCodeProblem("123")).toBe("errors.taxCode");
    expect(taxCodeProblem("0100109107")).toBe("errors.taxCodeCheck");
  });
});

describe("phone numbers", () => {
  it.each([
    ["0912345678", "mobile"],
    ["0321234567", "mobile"], // Viettel 032
    ["0391234567", "mobile"],
    ["0521234567", "mobile"], // Vietnamobile
    ["0591234567", "mobile"], // Gmobile
    ["0701234567", "mobile"], // MobiFone 070
    ["0761234567", "mobile"],
    ["0812345678", "mobile"], // VinaPhone 081
    ["0891234567", "mobile"],
    ["0991234567", "mobile"],
    ["+84 912 345 678", "mobile"],
    ["0084912345678", "mobile"],
    ["+840912345678", "mobile"],
    ["0912.345.678", "mobile"],
    ["(091) 234-5678", "mobile"],
    ["02438253456", "landline"], // Hà Nội 024 + 8 digits
    ["0221 3123 456", "landline"], // Hưng Yên 0221 + 7 digits
    ["+842438253456", "landline"],
    ["0312345678", null], // 031 is not a mobile prefix
    ["0512345678", null],
    ["0712345678", null],
    ["0801234567", null],
    ["0112345678", null],
    ["091234567", null], // 9 digits
    ["09123456789", null], // 11 digits, not a landline
    ["0243825345", null], // landline one digit short
    ["84912345678", null], // without + or 00 it is not the country code
    ["phone", null],
    ["", null],
  ])("%s is %s", (value, kind) => expect(phoneKind(value)).toBe(kind));

  it("keeps the national form", () => {
    expect(normalisePhone("+84 912 345 678")).toBe("0912345678");
    expect(normalisePhone("0084-912-345-678")).toBe("0912345678");
    expect(normalisePhone("0912 345 678")).toBe("0912345678");
  });

  it("mobileOnly refuses a landline", () => {
    expect(isValidPhone("02438253456")).toBe(true);
    expect(isValidPhone("02438253456", { mobileOnly: true })).toBe(false);
    expect(isValidPhone("0912345678", { mobileOnly: true })).toBe(true);
  });
});

describe("parseMoney (whole đồng)", () => {
  it.each([
    ["1500000", 1500000],
    ["1.500.000", 1500000],
    ["1 500 000", 1500000],
    ["1,500,000", 1500000],
    ["1.500.000 đ", 1500000],
    ["1500000 VND", 1500000],
    ["0", 0],
    [250000, 250000],
    ["1.5", null], // not grouped by three
    ["1.500.000,50", null], // no fractions of a đồng
    ["1500000.5", null],
    ["-100", null],
    [-100, null],
    [1.5, null],
    ["abc", null],
    ["1.50.000", null],
  ])("%j -> %j", (value, amount) => expect(parseMoney(value)).toBe(amount));
});
