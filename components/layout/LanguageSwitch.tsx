"use client";

import { Suspense } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import type { Lang } from "@/lib/i18n/settings";

const names: Record<Lang, string> = { vi: "Tiếng Việt", en: "English" };

function Switch({ lang, href }: { lang: Lang; href: string }) {
  const other: Lang = lang === "vi" ? "en" : "vi";
  return (
    <div className="lang-switch">
      <span aria-current="true" lang={lang}>
        {names[lang]}
      </span>
      {/* A full page load: the whole page, <html lang> included, changes language. */}
      <a href={href} hrefLang={other} lang={other}>
        {names[other]}
      </a>
    </div>
  );
}

function swapLang(url: string, lang: Lang): string {
  const other: Lang = lang === "vi" ? "en" : "vi";
  return url.replace(/^\/(vi|en)(?=\/|\?|$)/, `/${other}`) || `/${other}`;
}

/** Follows client-side navigation, which does not re-render the layout that holds it. */
function LiveSwitch({ lang }: { lang: Lang }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <Switch lang={lang} href={swapLang(pathname + (query ? `?${query}` : ""), lang)} />;
}

/**
 * The same page in the other language. `currentUrl` (from the request) serves the first render and
 * browsers without JavaScript, where every navigation is a full load anyway.
 */
export function LanguageSwitch({ lang, currentUrl }: { lang: Lang; currentUrl: string }) {
  return (
    <Suspense fallback={<Switch lang={lang} href={swapLang(currentUrl, lang)} />}>
      <LiveSwitch lang={lang} />
    </Suspense>
  );
}
