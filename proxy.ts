import { NextResponse, type NextRequest } from "next/server";
import { defaultLang, isLang, langFromAcceptLanguage, languageCookie } from "@/lib/i18n/settings";
import { markStaleActionPost } from "@/lib/http/staleAction";

/**
 * Every page lives under /vi or /en. A path without a language is sent to the reader's language:
 * the cookie first, then Accept-Language, then Vietnamese. The current URL is passed on in a
 * header so server-rendered links (the language switch) work without JavaScript.
 */
export async function proxy(request: NextRequest) {
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
  // A form post to a server action from an earlier build: the page again, with what was typed.
  await markStaleActionPost(request, headers);
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
