import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listStoredDocuments } from "@/lib/dossiers/service";
import { formatDate } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { Notice } from "@/components/ui/Notice";
import { fileSize } from "../dossiers/_shared/draft";
import { requireApplicant } from "../dossiers/_shared/applicant";
import { NotApplicant } from "../dossiers/_shared/NotApplicant";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "dossiers");
  return { title: t("store.title") };
}

/**
 * "My documents": the files the applicant gave in earlier dossiers and the results received, each
 * once, to download or to attach to a new dossier without sending it again.
 */
export default async function MyDocumentsPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "dossiers");
  const applicant = await requireApplicant(lang, `/${lang}/documents`);
  if (!applicant) return <NotApplicant lang={lang} />;
  const documents = await listStoredDocuments(applicant);
  return (
    <>
      <h1>{t("store.title")}</h1>
      {query.attached === "1" ? <Notice tone="success">{t("store.attached")}</Notice> : null}
      <p>{t("store.intro")}</p>
      {documents.length === 0 ? (
        <p>{t("store.empty")}</p>
      ) : (
        <ul className="card-list">
          {documents.map((document) => (
            <li key={document.id}>
              <h2>{document.name[lang]}</h2>
              <p>
                <a href={`/api/v1/attachments/${encodeURIComponent(document.id)}`}>
                  {t("store.download", { file: document.fileName })}
                </a>{" "}
                <span className="muted small">({fileSize(document.size, lang)})</span>
              </p>
              <p className="meta-line">
                <span>
                  {t(document.kind === "result" ? "store.resultOf" : "store.givenWith", {
                    procedure: document.procedureName[lang],
                  })}
                </span>
                {document.dossierCode ? (
                  <Link href={`/${lang}/dossiers/${encodeURIComponent(document.dossierCode)}`}>
                    {document.dossierCode}
                  </Link>
                ) : null}
                <span>{formatDate(document.at, lang)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
