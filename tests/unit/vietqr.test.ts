import { describe, expect, it } from "vitest";
import { decodeVietQr, qrReference, vietQrPayload, vietQrSvg } from "@/lib/payments/vietqr";

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), written here so the test does not trust the library's. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/** The payload's top-level EMVCo fields (id → value). */
function fields(payload: string): Map<string, string> {
  const map = new Map<string, string>();
  for (let at = 0; at < payload.length;) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    map.set(id, payload.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return map;
}

describe("the VietQR payload", () => {
  const input = {
    bankBin: "970436",
    accountNumber: "0011001234567",
    amountVnd: 150000,
    reference: "000.00.01.H33-260306-0001",
  };

  it("ends with the right CRC", () => {
    const payload = vietQrPayload(input);
    expect(payload.slice(-8, -4)).toBe("6304");
    expect(payload.slice(-4)).toBe(crc16(payload.slice(0, -4)));
  });

  it("is a dynamic NAPAS code in đồng for Vietnam", () => {
    const f = fields(vietQrPayload(input));
    expect(f.get("00")).toBe("01");
    expect(f.get("01")).toBe("12");
    expect(f.get("38")).toContain("A000000727");
    expect(f.get("38")).toContain("QRIBFTTA");
    expect(f.get("53")).toBe("704");
    expect(f.get("54")).toBe("150000");
    expect(f.get("58")).toBe("VN");
  });

  it("decodes back to the account, the amount and the reference", () => {
    expect(decodeVietQr(vietQrPayload(input))).toMatchObject({
      valid: true,
      bankBin: "970436",
      accountNumber: "0011001234567",
      amountVnd: 150000,
      reference: "000.00.01.H33-260306-0001",
    });
  });

  it("is refused with a broken CRC", () => {
    const payload = vietQrPayload(input);
    const broken = payload.slice(0, -1) + (payload.endsWith("0") ? "1" : "0");
    expect(decodeVietQr(broken).valid).toBe(false);
  });

  it("refuses a malformed account or amount", () => {
    expect(() => vietQrPayload({ ...input, bankBin: "97043" })).toThrow();
    expect(() => vietQrPayload({ ...input, accountNumber: "12-34" })).toThrow();
    expect(() => vietQrPayload({ ...input, amountVnd: 0 })).toThrow();
  });

  it("keeps the reference within the field and without diacritics", () => {
    expect(qrReference("Hồ sơ Đ-01")).toBe("Ho so D-01");
    expect(qrReference("x".repeat(40))).toHaveLength(25);
  });

  it("draws as an SVG", async () => {
    const svg = await vietQrSvg(vietQrPayload(input));
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<path");
  });
});
