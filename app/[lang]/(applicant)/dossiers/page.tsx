import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listApplicantDossiers } from "@/lib/dossiers/service";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { ButtonLink } from "@/components/ui/Button";
import { KeysetPagination } from "@/components/ui/KeysetPagination";
import { StatusTag } from "@/components/ui/StatusTag";
import { requireApplicant } from "./_shared/applicant";
import { NotApplicant } from "./_shared/NotApplicant";
import { localized } from "@/lib/i18n/localized";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "dossiers");
  return { title: t("list.title") };
}

export default async function MyDossiersPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "dossiers");
  const applicant = await requireApplicant(lang);
  if (!applicant) return <NotApplicant lang={lang} />;
  // The cursor is opaque here: the service reads it, and starts at the first page when it is not one.
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const after = single(query.after);
  const before = after ? undefined : single(query.before);
  const page = await listApplicantDossiers(applicant, { after, before });
  const dossiers = page.rows;
  const atStart = !after && !before;
  const hrefFor = (start: { after: string } | { before: string } | null) =>
    start === null
      ? `/${lang}/dossiers`
      : `/${lang}/dossiers?${new URLSearchParams("after" in start ? { after: start.after } : { before: start.before })}`;

  return (
    <>
      <h1>{t("list.title")}</h1>
      {dossiers.length === 0 && atStart ? (
        <>
          <p>{t("list.empty")}</p>
          <ButtonLink href={`/${lang}/procedures`}>{t("list.findProcedure")}</ButtonLink>
        </>
      ) : (
        <>
          <p>
            <Link href={`/${lang}/procedures`}>{t("list.fileAnother")}</Link>
          </p>
          <ul className="card-list">
            {dossiers.map((dossier) => {
              const name = localized(lang, dossier.procedure);
              const href = dossier.code
                ? `/${lang}/dossiers/${encodeURIComponent(dossier.code)}`
                : `/${lang}/dossiers/drafts/${dossier.id}`;
              return (
                <li key={dossier.id}>
                  <h2>
                    <Link href={href}>
                      {dossier.code ?? t("list.draft")}
                      <span className="visually-hidden">: {name}</span>
                    </Link>
                  </h2>
                  <p>{name}</p>
                  {dossier.organisation ? (
                    <p className="small">
                      {t("organisations:listFor", { organisation: dossier.organisation.name })}
                    </p>
                  ) : null}
                  <p className="meta-line">
                    <StatusTag status={dossier.status} label={t(`status.${dossier.status}`)} />
                    {dossier.code ? (
                      <span>{t("list.submittedOn", { date: formatDate(dossier.submittedAt, lang) })}</span>
                    ) : (
                      <span>{t("filing.lastSaved", { date: formatDateTime(dossier.updatedAt, lang) })}</span>
                    )}
                    {dossier.dueAt ? (
                      <span>{t("list.dueOn", { date: formatDate(dossier.dueAt, lang) })}</span>
                    ) : null}
                    {dossier.code ? null : (
                      <Link href={`${href}/continue`}>
                        {t("list.continueDraft")}
                        <span className="visually-hidden">: {name}</span>
                      </Link>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
          <KeysetPagination
            hrefFor={hrefFor}
            previous={page.previous}
            next={page.next}
            atStart={atStart}
            labels={{
              nav: t("common:pagination.nav"),
              first: t("common:pagination.first"),
              previous: t("common:pagination.previous"),
              next: t("common:pagination.next"),
            }}
          />
        </>
      )}
    </>
  );
}
