/**
 * The first check of every request (called at the top of proxy.ts): a path or query that cannot be
 * decoded, or that carries control characters, is answered 400 here instead of reaching the router
 * or a page. Next decodes the path with decodeURIComponent and answered 500 to a malformed escape
 * (`/vi/procedures/%zz`, `/_next/%C0%AE`), and a NUL in a query reached PostgreSQL, which refuses
 * NUL in text (`/vi/procedures?q=a%00b`). Nothing legitimate sends either.
 */
import viErrors from "@/locales/vi/errors.json";
import enErrors from "@/locales/en/errors.json";
import { plainPage } from "./plainPage";

export type RequestFlaw = "malformed_escape" | "control_character";

// Path segments: no control character at all. Query values may hold what a textarea sends (tab, CR,
// LF) but not the rest, like lib/forms/formText.
const pathControls = /[\u0000-\u001F\u007F]/;
const queryControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * What is wrong with a request target, or null. `pathname` and `search` as sent, still
 * percent-encoded (URL.pathname and URL.search). Pure.
 */
export function requestTargetFlaw(pathname: string, search: string): RequestFlaw | null {
  const path = decoded(pathname);
  if (path === null) return "malformed_escape";
  if (pathControls.test(path)) return "control_character";
  if (search.length <= 1) return null;
  for (const pair of search.slice(1).split("&")) {
    // application/x-www-form-urlencoded: "+" is a space; key and value are decoded alike.
    const text = decoded(pair.replace(/\+/g, " "));
    if (text === null) return "malformed_escape";
    if (queryControls.test(text)) return "control_character";
  }
  return null;
}

const messages = { vi: viErrors.badRequest, en: enErrors.badRequest } as const;

/** The 400 answer: JSON for /api, otherwise a small page in the language of the path (else vi). */
export function badRequestResponse(pathname: string, flaw: RequestFlaw): Response {
  const headers = { "Cache-Control": "no-store" };
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return Response.json({ error: "bad_request", reason: flaw }, { status: 400, headers });
  }
  const first = pathname.split("/")[1];
  const lang = first === "en" ? "en" : "vi";
  const text = messages[lang];
  return plainPage(lang, 400, {
    title: text.title,
    body: text.body,
    link: { href: `/${lang}`, label: text.home },
  });
}

/** The answer for a request that must go no further, or null to let it through. */
export function guardRequest(url: { pathname: string; search: string }): Response | null {
  const flaw = requestTargetFlaw(url.pathname, url.search);
  return flaw ? badRequestResponse(url.pathname, flaw) : null;
}
