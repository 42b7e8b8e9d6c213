import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedPost } from "@/lib/files/tooLarge";
import { defaultLang, isLang, langFromAcceptLanguage, languageCookie } from "@/lib/i18n/settings";
import { markStaleActionPost, staleFormHeader } from "@/lib/http/staleAction";
import { encodeSegment, queryInSegment } from "@/lib/http/pageSegment";
import { mayHaveSession } from "@/lib/identity/rules";
import { guardRequest } from "@/lib/http/request-guard";

// Static files are told by their extension only: procedure and dossier codes contain dots too.
const staticFile = /\.(?:ico|png|jpe?g|svg|webp|gif|txt|xml|css|js|map|woff2?|pdf)$/;

/**
 * Every page lives under /vi or /en. A path without a language is sent to the reader's language:
 * the cookie first, then Accept-Language, then Vietnamese. A page request is then rewritten onto the
 * [lang] segment that says whether its HTML may be shared (lib/http/pageSegment): without a session
 * it is the cached page everyone gets; with one, a page rendered for that person. The current URL is
 * passed on in a header so the personal pages' links (the language switch) work without JavaScript.
 */
export async function proxy(request: NextRequest) {
  // A malformed %-escape or a control character: 400 before anything decodes it (see the guard).
  const refused = guardRequest(new URL(request.url));
  if (refused) return refused;
  // A post over Next's hard body limit cannot be read whole: a plain 413 page, not a 500.
  const tooLarge = refuseOversizedPost(request);
  if (tooLarge) return tooLarge;
  const { pathname, search } = request.nextUrl;
  // APIs and files reach the proxy only for the guard (see the matcher).
  if (/^\/(?:api|_next)(?:\/|$)/.test(pathname) || staticFile.test(pathname)) return NextResponse.next();
  const first = pathname.split("/")[1];
  if (!isLang(first)) {
    const cookieLang = request.cookies.get(languageCookie)?.value;
    const lang = isLang(cookieLang)
      ? cookieLang
      : (langFromAcceptLanguage(request.headers.get("accept-language")) ?? defaultLang);
    const url = request.nextUrl.clone();
    url.pathname = `/${lang}${pathname === "/" ? "" : pathname}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-portal-url", pathname + search);
  // A form post to a server action from an earlier build: the page again, with what was typed.
  await markStaleActionPost(request, headers);
  // A post (a form, a server action) is never answered from the cache nor stored in it: Next would
  // otherwise answer a form post to a cached page with the cached page, without running the action;
  // and each form post gets an address of its own (see PageSegment.post).
  const posted = !["GET", "HEAD"].includes(request.method);
  const personal =
    posted ||
    mayHaveSession(request.cookies.getAll().map((cookie) => cookie.name)) ||
    headers.has(staleFormHeader);
  const rest = pathname.slice(first.length + 1);
  const query = queryInSegment(rest, search) ? search.replace(/^\?/, "") : "";
  // Only a post without JavaScript renders a whole page; a server action called by script (its
  // Next-Action header) answers with data for the page already open, whose address must not change.
  const post =
    posted && !request.headers.has("next-action") ? crypto.randomUUID().replaceAll("-", "") : undefined;
  const segment = encodeSegment({ lang: first, personal, query, ...(post ? { post } : {}) });
  let response: NextResponse;
  if (segment === first) response = NextResponse.next({ request: { headers } });
  else {
    // On the request's own origin (request.url, as Next's router knows it): another origin would make
    // Next fetch the page over HTTP as from a foreign site.
    const target = new URL(`/${segment}${rest}${query ? "" : search}`, request.url);
    response = NextResponse.rewrite(target, { request: { headers } });
  }
  if (request.cookies.get(languageCookie)?.value !== first) {
    response.cookies.set(languageCookie, first, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  }
  return response;
}

export const config = {
  matcher: [
    // Pages: static files are skipped by their extension only (see staticFile), since procedure codes
    // (1.001193) and dossier codes contain dots too, and their pages need the cookie and the URL.
    "/((?!api|_next|.*\\.(?:ico|png|jpe?g|svg|webp|gif|txt|xml|css|js|map|woff2?|pdf)$).*)",
    // APIs, for the guard: a NUL or a bad escape in their path or query must be a 400 JSON.
    "/api/:path*",
    // Files and _next, for the guard only when the path holds an escape: the rest stays untouched.
    "/(.*%.*)",
  ],
};
