import { searchable } from "@/lib/text/normalize";

/**
 * Classified (mật) material is out of the workspace's scope by design: it refuses a file whose name
 * or description says it is classified. The one check for meetings, opinion forms and tasks. Pure;
 * unit-tested (tests/unit/classified.test.ts).
 *
 * Refused, as whole words: "mật", "tối mật", "tuyệt mật", "bí mật" (accents kept: "mat", "mặt",
 * "mất" are other words), and "classified", "secret", "top secret", "confidential" (accents and
 * case folded). Allowed: the ordinary compounds in which "mật" means something else — "mật độ"
 * (density), "mật ong" (honey), "mật khẩu" (password), "mật thiết" (close), "mật mã" (cipher) —
 * unless a classification mark is also there ("tài liệu mật khẩu" is still a password; "tối mật"
 * anywhere refuses). A file name's separators (_ - .) read as spaces.
 */
const marks = /(^|[^\p{L}\p{N}])(tuyệt mật|tối mật|bí mật)($|[^\p{L}\p{N}])/u;
/** "mật" as a word, not followed by a word that makes it an ordinary compound. */
const bareMat = /(^|[^\p{L}\p{N}])mật(?!\p{L}|\p{N}| +(độ|ong|khẩu|thiết|mã)($|[^\p{L}\p{N}]))/u;
const english = /(^|[^a-z0-9])(classified|secret|top secret|confidential)($|[^a-z0-9])/;

export function looksClassified(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => {
    if (!text) return false;
    const words = text.normalize("NFC").replace(/[_\-.]+/g, " ");
    const lower = words.toLocaleLowerCase("vi");
    return marks.test(lower) || bareMat.test(lower) || english.test(searchable(words));
  });
}
