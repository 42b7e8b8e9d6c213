"use client";

import { useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import type { Lang } from "@/lib/i18n/settings";
import { readerPath } from "@/lib/http/readerPath";

const names: Record<Lang, string> = { vi: "Tiếng Việt", en: "English" };

function swapLang(url: string, lang: Lang): string {
  const other: Lang = lang === "vi" ? "en" : "vi";
  return readerPath(url).replace(/^\/(vi|en)(?=\/|\?|$)/, `/${other}`) || `/${other}`;
}

const noSubscription = () => () => {};

/**
 * The same page in the other language, also after client-side navigation (which does not re-render
 * the layout that holds it). The server's render, which browsers without JavaScript keep, takes the
 * query from the request on a personal page (`currentUrl`) or from the cached listing's segment
 * (`query`); in the browser it is read from the address bar. Not useSearchParams: that would make
 * every shared page wait for the request instead of coming whole from the cache.
 */
export function LanguageSwitch({
  lang,
  currentUrl,
  query,
}: {
  lang: Lang;
  currentUrl: string | null;
  query: string;
}) {
  const pathname = usePathname();
  const browserSearch = useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => null,
  );
  const other: Lang = lang === "vi" ? "en" : "vi";
  const url =
    browserSearch !== null ? pathname + browserSearch : (currentUrl ?? pathname + (query ? `?${query}` : ""));
  return (
    <div className="lang-switch">
      <span aria-current="true" lang={lang}>
        {names[lang]}
      </span>
      {/* A full page load: the whole page, <html lang> included, changes language. */}
      <a href={swapLang(url, lang)} hrefLang={other} lang={other}>
        {names[other]}
      </a>
    </div>
  );
}
