/**
 * Content-Disposition for a download: an ASCII fallback for old clients and the exact name,
 * Vietnamese included, as RFC 5987 UTF-8 (filename*).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^A-Za-z0-9._ -]/g, "_")
      .trim() || "download";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
