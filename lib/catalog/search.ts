import { searchable } from "@/lib/text/normalize";

/*
 * The catalogue search's pure half: how a procedure's search text is written and how a reader's
 * query is read. Both sides fold the same way (lib/text/normalize.ts searchable()), so "Đăng ký"
 * typed or stored is "dang ky"; the database compares them by trigrams (pg_trgm, service.ts).
 */

/**
 * Separates the parts of procedures.search_text: names | field | agencies | code. The search ranks
 * a match in the names above one in the field or an agency by reading the first part alone; the
 * character is no word character, so trigrams never see it. A text without it (an older row, the
 * scale bench's) is all names, which ranks well enough.
 */
export const searchTextSeparator = " | ";

export type SearchTextParts = {
  code: string;
  nameVi: string;
  nameEn: string;
  fieldVi: string;
  fieldEn: string;
  /** The names (vi and en) of the agencies that decide or receive it. */
  agencyNames?: readonly string[];
};

const fold = (parts: readonly string[]) =>
  [...new Set(parts.map((part) => searchable(part.replaceAll("|", " "))).filter(Boolean))].join(" ");

/** procedures.search_text: lower-case and accent-free, names first (see searchTextSeparator). */
export function searchTextOf(parts: SearchTextParts): string {
  return [
    fold([parts.nameVi, parts.nameEn]),
    fold([parts.fieldVi, parts.fieldEn]),
    fold(parts.agencyNames ?? []),
    fold([parts.code]),
  ].join(searchTextSeparator);
}

/** Shorter words have too few trigrams to match by similarity: they match as a word's beginning. */
export const minTrigramWord = 3;

/** At most this many words of a query are used (a pasted paragraph is not a search). */
const maxWords = 10;

/**
 * The words of a query, folded as search_text is: letters and digits, a code keeping its dots
 * ("1.001193"). Punctuation alone ("%", "_") is no word.
 */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = searchable(q).match(/[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu) ?? [];
  return words.slice(0, maxWords);
}

/**
 * How the database should read a query:
 *  - `text`: the folded query, compared whole with the names for the ranking;
 *  - `fuzzy`: the words long enough for trigram similarity (each may carry a typo);
 *  - `required`: how many of them a procedure must match: more than half (someone who types
 *    "dang ky khai sinh cho con" still finds the birth registration);
 *  - `prefixes`: when every word is short ("ho", "ly"), those words, matched as word beginnings.
 */
export type ReadQuery = {
  text: string;
  fuzzy: string[];
  required: number;
  prefixes: string[];
  /** The query as typed, for an exact code match. */
  code: string;
};

export function readQuery(q: string | undefined): ReadQuery | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  const fuzzy = [...new Set(words.filter((word) => word.length >= minTrigramWord))];
  return {
    text: words.join(" "),
    fuzzy,
    required: requiredMatches(fuzzy.length),
    prefixes: fuzzy.length === 0 ? [...new Set(words)] : [],
    code: (q ?? "").trim(),
  };
}

/** Of n long words, how many must match: more than half (1 → 1, 2 → 2, 3 → 2, 4 → 3, 5 → 3). */
export function requiredMatches(n: number): number {
  return Math.floor(n / 2) + 1;
}
