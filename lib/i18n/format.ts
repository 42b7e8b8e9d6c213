import { timeZone, type Lang } from "./settings";

const locales: Record<Lang, string> = { vi: "vi-VN", en: "en-GB" };

export function formatDate(value: Date | string | null | undefined, lang: Lang): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, lang: Lang): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(value));
}

export function formatVnd(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], {
    style: "currency",
    currency: "VND",
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(locales[lang], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A month like "11/2026" or "Nov 2026" from "2026-11". */
export function formatMonth(month: string, lang: Lang): string {
  const [year, m] = month.split("-").map(Number);
  // Intl gives "tháng 11, 2026" for vi; the administration writes months as 11/2026.
  if (lang === "vi") return `${String(m).padStart(2, "0")}/${year}`;
  return new Intl.DateTimeFormat(locales[lang], {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1)));
}
