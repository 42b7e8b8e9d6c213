import Link from "next/link";
import { headers } from "next/headers";
import { getT } from "@/lib/i18n/server";
import { isLang } from "@/lib/i18n/settings";

export default async function NotFound() {
  // not-found receives no params: read the language from the URL the proxy passed on.
  const url = (await headers()).get("x-portal-url") ?? "/vi";
  const first = url.split("/")[1];
  const lang = isLang(first) ? first : "vi";
  const t = await getT(lang, "errors");
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href={`/${lang}/procedures`}>{t("notFound.procedures")}</Link>
      </p>
      <p>
        <Link href={`/${lang}`}>{t("notFound.home")}</Link>
      </p>
    </>
  );
}
