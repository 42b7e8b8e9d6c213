import type { Lang } from "./settings";

/** A record stored in both languages as `<key>Vi` and `<key>En` (nameVi/nameEn, summaryVi/summaryEn…). */
export type Bilingual<K extends string = "name"> = { [P in `${K}Vi` | `${K}En`]: string };

/** The reader's language version of a bilingual column: `localized(lang, agency)` is its name. */
export function localized<K extends string = "name">(
  lang: Lang,
  value: Bilingual<K>,
  key: K = "name" as K,
): string {
  const record = value as Record<string, string>;
  return lang === "vi" ? record[`${key}Vi`]! : record[`${key}En`]!;
}
