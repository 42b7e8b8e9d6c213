import { searchable } from "@/lib/text/normalize";

/**
 * Classified (mật) material is out of scope by design: the workspace refuses a file whose name or
 * description says it is classified. Pure; unit-tested. Matched on the folded text (no accents,
 * lower case) as whole words: "mật", "tối mật", "tuyệt mật", "classified", "secret", "confidential".
 * "mat" alone would match too many ordinary words once accents are folded ("mặt", "mất"), so
 * the Vietnamese word is checked on the text with its accents kept.
 */
const accented = /(^|[^\p{L}])(tuyệt mật|tối mật|mật)($|[^\p{L}])/iu;
const folded = /(^|[^a-z])(classified|secret|top secret|confidential)($|[^a-z])/;

export function looksClassified(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => {
    if (!text) return false;
    const normal = text.normalize("NFC").replace(/[_\-.]+/g, " ");
    return accented.test(normal.toLowerCase()) || folded.test(searchable(normal));
  });
}
