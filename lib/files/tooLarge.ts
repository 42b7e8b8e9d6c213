import viDossiers from "@/locales/vi/dossiers.json";
import enDossiers from "@/locales/en/dossiers.json";
import { hardBodyLimitBytes } from "./limits";

const words = { vi: viDossiers.tooLarge, en: enDossiers.tooLarge };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A post whose body is over Next's hard limit (it says so in Content-Length, as browsers do for a
 * form): a 413 page in the reader's language with a way back to the page, instead of the 500 Next
 * gives when it cannot read the body. Null for every other request.
 */
export function refuseOversizedPost(request: {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string };
}): Response | null {
  if (request.method !== "POST") return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > hardBodyLimitBytes)) return null;
  const { pathname } = request.nextUrl;
  const lang = pathname.split("/")[1] === "en" ? "en" : "vi";
  const w = words[lang];
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title></head>
<body><main><h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.body)}</p>
<p><a href="${escapeHtml(pathname)}">${escapeHtml(w.back)}</a></p></main></body></html>`;
  return new Response(html, {
    status: 413,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", Connection: "close" },
  });
}
