import Link from "next/link";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";

/** Shown to a signed-in applicant who opens a staff page: plain words, no error. */
export function NotStaff({ lang, t }: { lang: Lang; t: T }) {
  return (
    <>
      <h1>{t("notStaff.title")}</h1>
      <p>{t("notStaff.body")}</p>
      <ul>
        <li>
          <Link href={`/${lang}/dossiers`}>{t("notStaff.ownDossiers")}</Link>
        </li>
        <li>
          <Link href={`/${lang}`}>{t("notStaff.home")}</Link>
        </li>
      </ul>
    </>
  );
}
