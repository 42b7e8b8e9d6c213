/**
 * The Vietnamese tax code (mã số thuế, also the enterprise code): 10 digits whose last is a check
 * digit, or 13 digits for a branch (the parent's 10, then 001–999). People write the branch
 * suffix after a dash ("0101234567-001"); spaces and dots are dropped too.
 *
 * Check digit (Circular 105/2020/TT-BTC, as the tax authority computes it): the first nine digits
 * weighted 31, 29, 23, 19, 17, 13, 7, 5, 3; the tenth digit is 10 - (sum mod 11), and a code whose
 * result would be 10 is never issued.
 *
 * Stand-in until lib/forms/validators.ts isValidTaxCode is merged (the coordinator dedups).
 */
const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The tax code as stored: digits only, or null when it cannot be one. */
export function normaliseTaxCode(input: string): string | null {
  const digits = input.replace(/[\s.\-–]/g, "");
  return /^(\d{10}|\d{13})$/.test(digits) ? digits : null;
}

export function taxCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const sum = weights.reduce((total, weight, i) => total + weight * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

export function isValidTaxCode(input: string): boolean {
  const code = normaliseTaxCode(input);
  if (!code) return false;
  const check = taxCheckDigit(code.slice(0, 9));
  if (check === null || check !== Number(code[9])) return false;
  return code.length === 10 || code.slice(10) !== "000";
}
