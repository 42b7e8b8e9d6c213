/**
 * Lower-case text without Vietnamese diacritics, so "dang ky" finds "Đăng ký". Used both when
 * storing search text and when reading a query, so the two always match.
 */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
