import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDossierDetail } from "@/lib/dossiers/service";
import { workingDaysFor } from "@/lib/calendar/rules";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { formatDateTime } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { Panel } from "@/components/ui/Notice";
import { requireApplicant } from "../../_shared/applicant";
import { NotApplicant } from "../../_shared/NotApplicant";
import { localized } from "@/lib/i18n/localized";

type Props = { params: Promise<{ lang: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "dossiers");
  return { title: t("submitted.title") };
}

export default async function SubmittedPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const code = decodeURIComponent((await params).code);
  const t = await getT(lang, "dossiers");
  const applicant = await requireApplicant(lang);
  if (!applicant) return <NotApplicant lang={lang} />;
  const detail = await getDossierDetail(applicant, { code });
  if (!detail.ok) notFound();
  const { dossier } = detail.value;
  const version = await getFilingVersion(dossier.procedureVersionId);
  const hours = version ? (version.timeLimitHours.online ?? version.timeLimitHours.desk) : null;
  const receiving = localized(lang, dossier.receivingAgency);
  const name = localized(lang, dossier.procedure);

  return (
    <>
      <Panel title={t("submitted.title")}>
        {t("submitted.codeIntro")}
        <span className="panel__code">{dossier.code}</span>
      </Panel>
      <p>{t("submitted.summary", { procedure: name, date: formatDateTime(dossier.submittedAt, lang) })}</p>
      <p>{t("submitted.keepCode")}</p>
      <h2>{t("submitted.nextTitle")}</h2>
      <ol>
        <li>
          {hours !== null
            ? t("submitted.nextCheck", { agency: receiving, count: workingDaysFor(hours) })
            : t("submitted.nextCheckNoLimit", { agency: receiving })}
        </li>
        <li>
          {t("submitted.nextAppointment")}
          {dossier.dueAt ? (
            <>
              {" "}
              <strong>{t("submitted.appointment", { date: formatDateTime(dossier.dueAt, lang) })}</strong>
            </>
          ) : null}
        </li>
        <li>
          {t("submitted.nextFollow")} <Link href={`/${lang}/lookup`}>{t("submitted.lookupLink")}</Link>
        </li>
      </ol>
      <p>
        <Link href={`/${lang}/dossiers/${encodeURIComponent(dossier.code ?? "")}`}>
          {t("submitted.viewDossier")}
        </Link>
      </p>
      <p>
        <Link href={`/${lang}/dossiers`}>{t("submitted.myDossiers")}</Link>
      </p>
    </>
  );
}
