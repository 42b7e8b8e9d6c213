import { describe, expect, it } from "vitest";
import type { Fee } from "@/lib/catalog/types";
import {
  amountInWordsEn,
  amountInWordsVi,
  cancelsPayment,
  feeLegalBasis,
  feeOwed,
  maxFeeVnd,
  parseAmount,
  parseLegalBasis,
  parseReceiptNumber,
} from "@/lib/payments/rules";

const fee = (channel: Fee["channel"], amountVnd: number | null, asPublished = "x"): Fee => ({
  channel,
  amountVnd,
  asPublished,
});

describe("the fee a dossier owes", () => {
  // Đăng ký thành lập hộ kinh doanh: 150,000 online and by post, 50,000 at the desk.
  const household = {
    fees: [
      fee("online", 150000, "150,000 Việt Nam Đồng"),
      fee("post", 150000, "150,000 Việt Nam Đồng"),
      fee("desk", 50000, "50,000 VNĐ"),
    ],
    legalBasis: ["Luật 76/2025/QH15", "Thông tư 68/2025/TT-BTC", "Nghị định 168/2025/NĐ-CP"],
  };

  it("is the fee of the dossier's channel", () => {
    expect(feeOwed(household, 2)).toEqual({
      amountVnd: 150000,
      choices: [150000],
      asPublished: ["150,000 Việt Nam Đồng"],
      legalBasis: "Thông tư 68/2025/TT-BTC",
    });
    expect(feeOwed(household, 1).amountVnd).toBe(50000);
    expect(feeOwed(household, 3).amountVnd).toBe(150000);
  });

  it("falls back to every fee when none names the channel, and lets the officer choose among several", () => {
    const copies = { fees: [fee("desk", 2000), fee("desk", 10000)], legalBasis: [] };
    expect(feeOwed(copies, 2)).toMatchObject({ amountVnd: null, choices: [2000, 10000], legalBasis: null });
    expect(feeOwed({ fees: [fee("desk", 2000)] }, 2).amountVnd).toBe(2000);
  });

  it("owes nothing known for a free procedure or a fee set elsewhere", () => {
    expect(feeOwed({ fees: [fee("online", 0, "Miễn phí")] }, 2)).toMatchObject({
      amountVnd: null,
      choices: [],
    });
    expect(feeOwed({ fees: [fee("online", null)] }, 2).amountVnd).toBeNull();
    expect(feeOwed({ fees: [] }, 2).amountVnd).toBeNull();
  });

  it("takes the fee texts of the legal basis, or all of it when none is one", () => {
    expect(feeLegalBasis(["Luật 28/2009/QH12"])).toBe("Luật 28/2009/QH12");
    expect(feeLegalBasis(["Nghị quyết 12/2025 về mức thu phí", "Luật 1"])).toBe(
      "Nghị quyết 12/2025 về mức thu phí",
    );
    expect(feeLegalBasis([" ", ""])).toBeNull();
  });
});

describe("amounts", () => {
  it("accepts whole đồng with or without thousands separators", () => {
    for (const text of ["50000", "50.000", "50,000", "50 000", " 150.000 đ", "1.000.000"]) {
      expect(parseAmount(text).ok, text).toBe(true);
    }
    expect(parseAmount("50.000")).toEqual({ ok: true, value: 50000 });
    expect(parseAmount(20000)).toEqual({ ok: true, value: 20000 });
  });

  it("refuses empty, zero, negative, decimal, malformed and huge amounts", () => {
    expect(parseAmount("")).toEqual({ ok: false, error: "amount_required" });
    expect(parseAmount(undefined)).toEqual({ ok: false, error: "amount_required" });
    for (const text of ["0", "-5000", "50,5", "5.00", "12a", "1e5", "50.00.000"]) {
      expect(parseAmount(text), text).toEqual({ ok: false, error: "amount_invalid" });
    }
    expect(parseAmount(0.5).ok).toBe(false);
    expect(parseAmount(String(maxFeeVnd + 1))).toEqual({ ok: false, error: "amount_too_large" });
    expect(parseAmount("9".repeat(40))).toEqual({ ok: false, error: "amount_too_large" });
    expect(parseAmount(String(maxFeeVnd))).toEqual({ ok: true, value: maxFeeVnd });
  });

  it("writes amounts in words", () => {
    expect(amountInWordsVi(50000)).toBe("Năm mươi nghìn đồng");
    expect(amountInWordsVi(150000)).toBe("Một trăm năm mươi nghìn đồng");
    expect(amountInWordsVi(1005000)).toBe("Một triệu không trăm lẻ năm nghìn đồng");
    expect(amountInWordsVi(21000)).toBe("Hai mươi mốt nghìn đồng");
    expect(amountInWordsVi(15000)).toBe("Mười lăm nghìn đồng");
    expect(amountInWordsVi(2000)).toBe("Hai nghìn đồng");
    expect(amountInWordsEn(150000)).toBe("One hundred and fifty thousand dong");
    expect(amountInWordsEn(2021)).toBe("Two thousand twenty-one dong");
  });
});

describe("receipt numbers and legal basis", () => {
  it("trims a receipt number and refuses an empty, long or control-character one", () => {
    expect(parseReceiptNumber("  BL-0001234 ")).toEqual({ ok: true, value: "BL-0001234" });
    expect(parseReceiptNumber("   ")).toEqual({ ok: false, error: "receipt_required" });
    expect(parseReceiptNumber(null)).toEqual({ ok: false, error: "receipt_required" });
    expect(parseReceiptNumber("x".repeat(41))).toEqual({ ok: false, error: "receipt_too_long" });
    expect(parseReceiptNumber("12\u000734")).toEqual({ ok: false, error: "receipt_invalid" });
  });

  it("keeps a legal basis trimmed, empty as null, within its length", () => {
    expect(parseLegalBasis("  Thông tư 68/2025/TT-BTC ")).toEqual({
      ok: true,
      value: "Thông tư 68/2025/TT-BTC",
    });
    expect(parseLegalBasis("")).toEqual({ ok: true, value: null });
    expect(parseLegalBasis("x".repeat(501)).ok).toBe(false);
  });

  it("cancels an open request when the dossier is withdrawn, stopped or refused", () => {
    expect(["withdrawn", "stopped", "refused"].every(cancelsPayment)).toBe(true);
    expect(cancelsPayment("in_progress")).toBe(false);
  });
});
