import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedPost } from "@/lib/files/tooLarge";
import { defaultLang, isLang, langFromAcceptLanguage, languageCookie } from "@/lib/i18n/settings";

/**
 * Every page lives under /vi or /en. A path without a language is sent to the reader's language:
 * the cookie first, then Accept-Language, then Vietnamese. The current URL is passed on in a
 * header so server-rendered links (the language switch) work without JavaScript.
 */
export function proxy(request: NextRequest) {
  // A post over Next's hard body limit cannot be read whole: a plain 413 page, not a 500.
  const tooLarge = refuseOversizedPost(request);
  if (tooLarge) return tooLarge;
  const { pathname, search } = request.nextUrl;
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
  const response = NextResponse.next({ request: { headers } });
  if (request.cookies.get(languageCookie)?.value !== first) {
    response.cookies.set(languageCookie, first, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  }
  return response;
}

export const config = {
  // Static files are skipped by their extension only: procedure codes (1.001193) and dossier codes
  // contain dots too, and their pages need the language cookie and the current URL.
  matcher: ["/((?!api|_next|.*\\.(?:ico|png|jpe?g|svg|webp|gif|txt|xml|css|js|map|woff2?|pdf)$).*)"],
};
