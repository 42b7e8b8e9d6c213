import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { languages } from "@/lib/i18n/settings";

/**
 * Next gives not-found no params, and reading the request here would make every page under [lang]
 * render per request (Next renders this boundary with each page). So it holds both languages, each
 * marked with its lang; the stylesheet shows the one matching <html lang> (no script needed).
 */
export default async function NotFound() {
  const texts = await Promise.all(languages.map(async (lang) => ({ lang, t: await getT(lang, "errors") })));
  return (
    <>
      {texts.map(({ lang, t }) => (
        <div key={lang} lang={lang} className="in-page-language">
          <h1>{t("notFound.title")}</h1>
          <p>{t("notFound.body")}</p>
          <p>
            <Link href={`/${lang}/procedures`}>{t("notFound.procedures")}</Link>
          </p>
          <p>
            <Link href={`/${lang}`}>{t("notFound.home")}</Link>
          </p>
        </div>
      ))}
    </>
  );
}
