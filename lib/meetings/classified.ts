/**
 * Classified (mật) material is out of scope for the workspace: a file whose name or description
 * says it is classified is refused. Pure; the words are matched whole, case- and form-insensitively
 * (Vietnamese keeps its tone marks: "mật" is classified, "mát" is not).
 */
const classifiedWords = /(^|[^\p{L}\p{N}])(tối mật|tuyệt mật|mật|classified|secret)(?=$|[^\p{L}\p{N}])/iu;

export function looksClassified(...texts: readonly (string | null | undefined)[]): boolean {
  return texts.some((text) => {
    if (!text) return false;
    // File names separate words with dots, dashes and underscores.
    const words = text
      .normalize("NFC")
      .toLowerCase()
      .replace(/[._\-]+/g, " ");
    return classifiedWords.test(words);
  });
}
