export const languages = ["vi", "en"] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = "vi";
export const languageCookie = "lang";
/** Vietnam keeps no daylight saving; every time is shown in this zone. */
export const timeZone = "Asia/Ho_Chi_Minh";

export const namespaces = [
  "common",
  "catalog",
  "dossiers",
  "staff",
  "reports",
  "decisions",
  "auth",
  "errors",
  "forms",
  "admin",
  "calendar",
  "slips",
  "notify",
  "payments",
  "organisations",
  "workspace",
] as const;
export type Namespace = (typeof namespaces)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header. */
export function langFromAcceptLanguage(header: string | null): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { base: (tag ?? "").toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLang) ?? null;
}
