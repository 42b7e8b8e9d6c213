/**
 * Vietnamese identifiers (pure: browser and server): the personal ID number, the tax code and phone
 * numbers. The form schema (schema.ts) and lib/organisations use the same rules.
 */

/** People type numbers with spaces, dots, dashes or brackets; the value kept has none. */
export function withoutSeparators(value: string): string {
  return value.replace(/[\s.\-()]/g, "");
}

/**
 * The province codes that open a personal ID number (căn cước, 12 digits): the codes of the 63
 * provinces of Circular 07/2016/TT-BCA (as amended by Circular 59/2021/TT-BCA), "001" Hà Nội …
 * "096" Cà Mau. Numbers issued before the 2025 merger of provinces keep their old code.
 */
export const idNumberProvinceCodes: ReadonlySet<string> = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
    44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84,
    86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((code) => String(code).padStart(3, "0")),
);

/**
 * A personal ID number (số định danh cá nhân): 12 digits, the first 3 the province code of the place
 * of birth registration, the 4th the century and sex (0–9), the 5th and 6th the year of birth,
 * the last 6 a sequence. Separators are ignored.
 */
export function isValidIdNumber(value: string): boolean {
  const digits = withoutSeparators(value);
  return /^\d{12}$/.test(digits) && idNumberProvinceCodes.has(digits.slice(0, 3));
}

/** Why an ID number is wrong, as a message key of the forms namespace; null when it is right. */
export function idNumberProblem(value: string): "errors.idNumber" | "errors.idNumberProvince" | null {
  const digits = withoutSeparators(value);
  if (!/^\d{12}$/.test(digits)) return "errors.idNumber";
  if (!idNumberProvinceCodes.has(digits.slice(0, 3))) return "errors.idNumberProvince";
  return null;
}

const taxCodeWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The check digit (the 10th) of a tax code from its first 9 digits: 10 − (Σ digitᵢ × weightᵢ mod 11),
 * weights 31, 29, 23, 19, 17, 13, 7, 5, 3. A result of 10 has no digit: no valid code starts so.
 */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * taxCodeWeights[i]!;
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * A tax code as it is written: 10 digits, or a branch's 13 ("0100109106-001"). Spaces and dots are
 * dropped, the dash is added when a 13-digit code is typed without it. Null when it has neither shape.
 */
export function normaliseTaxCode(value: string): string | null {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(value.replace(/[\s.]/g, ""));
  if (!match) return null;
  return match[2] ? `${match[1]}-${match[2]}` : match[1]!;
}

/** Why a tax code is wrong (a forms message key), or null when it is right. */
export function taxCodeProblem(value: string): "errors.taxCode" | "errors.taxCodeCheck" | null {
  const code = normaliseTaxCode(value);
  if (!code) return "errors.taxCode";
  if (taxCodeCheckDigit(code.slice(0, 9)) !== Number(code[9])) return "errors.taxCodeCheck";
  // Branches are numbered from 001.
  if (code.length === 14 && code.endsWith("-000")) return "errors.taxCode";
  return null;
}

/** A 10-digit tax code with the right check digit, or 13 digits (a branch) with or without the dash. */
export function isValidTaxCode(value: string): boolean {
  return taxCodeProblem(value) === null;
}

/**
 * The mobile prefixes in use (after the 2018 move from 11 to 10 digits): 032–039, 052, 055, 056,
 * 058, 059, 070, 076–079, 081–089 and 090–099.
 */
const mobilePrefix = /^0(3[2-9]|5[25689]|7[06789]|8[1-9]|9\d)\d{7}$/;
/** Landlines: 02 + area code and subscriber number, 11 digits in all (024 3xxx xxxx, 0221 3xxx xxx). */
const landline = /^02\d{9}$/;

/**
 * A phone number in the national form ("0912345678"): separators dropped, "+84" or "0084" turned
 * into the leading 0. Whatever is not a number is returned without its separators.
 */
export function normalisePhone(value: string): string {
  const compact = withoutSeparators(value.trim());
  const international = /^(?:\+|00)84(\d+)$/.exec(compact);
  if (international) return `0${international[1]!.replace(/^0/, "")}`;
  return compact;
}

export type PhoneKind = "mobile" | "landline";

/** Whether the number is a Vietnamese mobile or landline, or null when it is neither. */
export function phoneKind(value: string): PhoneKind | null {
  const number = normalisePhone(value);
  if (mobilePrefix.test(number)) return "mobile";
  if (landline.test(number)) return "landline";
  return null;
}

/** A Vietnamese phone number (mobile, or landline unless `mobileOnly`), in any usual writing. */
export function isValidPhone(value: string, options: { mobileOnly?: boolean } = {}): boolean {
  const kind = phoneKind(value);
  return kind === "mobile" || (kind === "landline" && !options.mobileOnly);
}
