import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedPost } from "@/lib/files/tooLarge";
import { defaultLang, isLang, langFromAcceptLanguage, languageCookie } from "@/lib/i18n/settings";
import { markStaleActionPost } from "@/lib/http/staleAction";
import { guardRequest } from "@/lib/http/request-guard";

// Static files are told by their extension only: procedure and dossier codes contain dots too.
const staticFile = /\.(?:ico|png|jpe?g|svg|webp|gif|txt|xml|css|js|map|woff2?|pdf)$/;

/**
 * Every page lives under /vi or /en. A path without a language is sent to the reader's language:
 * the cookie first, then Accept-Language, then Vietnamese. The current URL is passed on in a
 * header so server-rendered links (the language switch) work without JavaScript.
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
  const response = NextResponse.next({ request: { headers } });
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
