/**
 * Fees and payments (pure: no I/O): which fee a dossier owes from its procedure version, and what an
 * amount, a legal basis or a desk receipt number must look like. service.ts applies these; the
 * dossier's state machine (lib/dossiers/rules.ts) decides who may request and record.
 */
import type { Channel, Fee } from "@/lib/catalog/types";

/** The most one fee may be: far above any published fee (the dearest in the catalogue is 150,000 đồng). */
export const maxFeeVnd = 100_000_000;
/** A desk receipt's number as written on the receipt book ("0001234", "AA/26E-0001234"). */
export const maxReceiptNumberLength = 40;
export const maxLegalBasisLength = 500;

const channelOf: Record<1 | 2 | 3, Channel> = { 1: "desk", 2: "online", 3: "post" };

export type FeeOwed = {
  /** The amount the version sets for the dossier's case; null when it sets none or several (the officer chooses). */
  amountVnd: number | null;
  /** The distinct positive amounts that apply to the case, smallest first (several: the officer chooses). */
  choices: number[];
  /** The fee as published ("2,000 Việt Nam Đồng(/trang)"), for the officer to read. */
  asPublished: string[];
  /** The legal texts that set fees, from the version's legal basis; null when it names none. */
  legalBasis: string | null;
};

/**
 * The fee a dossier owes: the version's fees for the dossier's channel (its case), or every fee when
 * none names that channel. One positive amount is the fee; several are a choice for the officer (a fee
 * per page, per copy); none (free, or set elsewhere, e.g. by the provincial council) leaves it to them.
 */
export function feeOwed(
  version: { fees: readonly Fee[]; legalBasis?: readonly string[] },
  channel: 1 | 2 | 3,
): FeeOwed {
  const own = version.fees.filter((fee) => fee.channel === channelOf[channel]);
  const fees = own.length > 0 ? own : version.fees;
  const choices = [
    ...new Set(
      fees.map((fee) => fee.amountVnd).filter((amount): amount is number => isValidAmount(amount ?? 0)),
    ),
  ].sort((a, b) => a - b);
  return {
    amountVnd: choices.length === 1 ? choices[0]! : null,
    choices,
    asPublished: [...new Set(fees.map((fee) => fee.asPublished))],
    legalBasis: feeLegalBasis(version.legalBasis ?? []),
  };
}

/**
 * The texts among a version's legal basis that set fees: the Ministry of Finance's circulars
 * (…/TT-BTC) and any text that names a fee ("phí"); all of them when none does.
 */
export function feeLegalBasis(texts: readonly string[]): string | null {
  const clean = texts.map((text) => text.trim()).filter(Boolean);
  const fees = clean.filter((text) => /TT-BTC(?![\p{L}\d])|(?<![\p{L}])phí(?![\p{L}])/iu.test(text));
  const chosen = fees.length > 0 ? fees : clean;
  const joined = chosen.join("; ");
  if (joined === "") return null;
  return joined.length > maxLegalBasisLength ? joined.slice(0, maxLegalBasisLength) : joined;
}

export function isValidAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= maxFeeVnd;
}

export type AmountError = "amount_required" | "amount_invalid" | "amount_too_large";

/**
 * An amount as an officer types it: whole đồng, with or without thousands separators ("50000",
 * "50.000", "50,000", "50 000"), positive and at most maxFeeVnd. Decimals are refused: the đồng has none.
 */
export function parseAmount(input: unknown): { ok: true; value: number } | { ok: false; error: AmountError } {
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input <= 0) return { ok: false, error: "amount_invalid" };
    return input > maxFeeVnd ? { ok: false, error: "amount_too_large" } : { ok: true, value: input };
  }
  if (typeof input !== "string") return { ok: false, error: "amount_required" };
  const text = input.trim().replace(/\s*(đ|đồng|vnđ|vnd)$/iu, "");
  if (text === "") return { ok: false, error: "amount_required" };
  if (!/^\d+$/.test(text) && !/^\d{1,3}([.,\u00a0 ]\d{3})+$/.test(text)) {
    return { ok: false, error: "amount_invalid" };
  }
  const digits = text.replace(/\D/g, "");
  if (digits.length > 15) return { ok: false, error: "amount_too_large" };
  return parseAmount(Number(digits));
}

export type ReceiptError = "receipt_required" | "receipt_too_long" | "receipt_invalid";

/** A desk receipt's number: trimmed, not empty, at most maxReceiptNumberLength, no control characters. */
export function parseReceiptNumber(
  input: unknown,
): { ok: true; value: string } | { ok: false; error: ReceiptError } {
  if (typeof input !== "string") return { ok: false, error: "receipt_required" };
  const value = input.trim();
  if (value === "") return { ok: false, error: "receipt_required" };
  if (value.length > maxReceiptNumberLength) return { ok: false, error: "receipt_too_long" };
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, error: "receipt_invalid" };
  return { ok: true, value };
}

/** A legal basis as the officer leaves it: trimmed, empty → null, at most maxLegalBasisLength. */
export function parseLegalBasis(
  input: unknown,
): { ok: true; value: string | null } | { ok: false; error: "legal_basis_too_long" } {
  if (typeof input !== "string") return { ok: true, value: null };
  const value = input.trim();
  if (value.length > maxLegalBasisLength) return { ok: false, error: "legal_basis_too_long" };
  return { ok: true, value: value === "" ? null : value };
}

/** Payment statuses (dossier_payments.status). */
export type PaymentStatus = "requested" | "paid" | "cancelled";
export type PaymentMethod = "online" | "desk";

/** The dossier states that end a payment request unpaid (the request is cancelled with them). */
export const cancellingStatuses = ["withdrawn", "stopped", "refused"] as const;

export function cancelsPayment(status: string): boolean {
  return (cancellingStatuses as readonly string[]).includes(status);
}

/* ---- Amount in words (the receipt writes it as well as the figures) ---- */

const viDigits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** Three digits in Vietnamese; `full`: a group after a higher one ("không trăm lẻ năm"). */
function viHundreds(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(viDigits[h]!, "trăm");
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) words.push("lẻ");
  } else if (t === 1) {
    words.push("mười");
  } else {
    words.push(viDigits[t]!, "mươi");
  }
  if (u > 0) {
    if (u === 1 && t > 1) words.push("mốt");
    else if (u === 5 && t > 0) words.push("lăm");
    else if (u === 4 && t > 1) words.push("tư");
    else words.push(viDigits[u]!);
  }
  return words.join(" ");
}

const viScales = ["", "nghìn", "triệu", "tỷ"];

/** A whole number of đồng in Vietnamese words, first letter capital ("Năm mươi nghìn đồng"). */
export function amountInWordsVi(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) return "";
  if (amount === 0) return "Không đồng";
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    const full = i < groups.length - 1;
    parts.push([viHundreds(group, full), viScales[i % 4] ?? ""].filter(Boolean).join(" "));
  }
  const text = `${parts.join(" ")} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const enOnes = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const enTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const enScales = ["", "thousand", "million", "billion"];

function enHundreds(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (h > 0) words.push(enOnes[h]!, "hundred");
  if (rest > 0) {
    if (h > 0) words.push("and");
    if (rest < 20) words.push(enOnes[rest]!);
    else words.push(enTens[Math.floor(rest / 10)]! + (rest % 10 ? `-${enOnes[rest % 10]}` : ""));
  }
  return words.join(" ");
}

/** A whole number of đồng in English words ("Fifty thousand dong"). */
export function amountInWordsEn(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) return "";
  if (amount === 0) return "Zero dong";
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    parts.push([enHundreds(groups[i]!), enScales[i] ?? ""].filter(Boolean).join(" "));
  }
  const text = `${parts.join(" ")} dong`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
