import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";

/** Shown to a signed-in civil servant on the applicant's pages. */
export async function NotApplicant({ lang }: { lang: Lang }) {
  const t = await getT(lang, "dossiers");
  return (
    <>
      <title>{`${t("staffCannotFile.title")} – ${t("common:siteName")}`}</title>
      <h1>{t("staffCannotFile.title")}</h1>
      <p>{t("staffCannotFile.body")}</p>
      <p>
        <Link href={`/${lang}/staff`}>{t("staffCannotFile.toQueue")}</Link>
      </p>
    </>
  );
}
