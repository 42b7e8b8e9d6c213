import Link from "next/link";
import type { Lang } from "@/lib/i18n/settings";
import type { T } from "@/lib/i18n/server";

export function SiteFooter({ lang, t }: { lang: Lang; t: T }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <ul>
          <li>
            <Link href={`/${lang}/procedures`}>{t("nav.procedures")}</Link>
          </li>
          <li>
            <Link href={`/${lang}/transparency`}>{t("nav.transparency")}</Link>
          </li>
          <li>
            {/* A JSON endpoint, not a page: a plain link, no client-side navigation. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/api/health">{t("footer.status")}</a>
          </li>
        </ul>
        <p>{t("footer.owner")}</p>
        <p>{t("footer.licence")}</p>
      </div>
    </footer>
  );
}
