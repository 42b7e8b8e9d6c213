import type { Metadata } from "next";
import { formFields } from "@/lib/forms/definition";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDecisionForDossier } from "@/lib/decisions/service";
import { appointmentState, endOf, isOverdue } from "@/lib/dossiers/rules";
import { getDossierDetail } from "@/lib/dossiers/service";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { StatusTag, Tag } from "@/components/ui/StatusTag";
import { SummaryList } from "@/components/ui/SummaryList";
import type { EventDocument } from "@/lib/dossiers/types";
import { WorkingTimeLeft } from "@/components/dossiers/WorkingTimeLeft";
import { TextArea } from "@/components/ui/Field";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { SupplementForm } from "@/components/forms/SupplementForm";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { answerText } from "@/components/dossiers/answers";
import { dossierErrorKey } from "@/components/dossiers/errorKey";
import { DossierDocuments } from "@/components/dossiers/DossierDocuments";
import { DossierTimeline } from "@/components/dossiers/DossierTimeline";
import { SlipLinks } from "@/components/dossiers/SlipLinks";
import { PaymentPanel } from "@/components/dossiers/PaymentPanel";
import { onlinePaymentAvailable, paymentsOfDossier } from "@/lib/payments/service";
import formStyles from "@/components/forms/forms.module.css";
import { requireApplicant } from "../_shared/applicant";
import { NotApplicant } from "../_shared/NotApplicant";
import { supplementAction, withdrawAction } from "./actions";
import { localized } from "@/lib/i18n/localized";
import { requestedDocumentKey, requestedDocumentName } from "@/lib/dossiers/requestedDocuments";
import { acceptAttribute, kindsFor } from "@/lib/files/types";
import { limitParams } from "@/lib/files/limits";
import { PaymentBanner } from "@/components/payments/PaymentBanner";

type Props = {
  params: Promise<{ lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  // The page renders its own <title>: "Error: " goes in front when an action failed.
  return { title: null };
}

export default async function DossierPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const code = decodeURIComponent((await params).code);
  const query = await searchParams;
  const t = await getT(lang, "dossiers");
  const applicant = await requireApplicant(lang);
  if (!applicant) return <NotApplicant lang={lang} />;
  const detail = await getDossierDetail(applicant, { code });
  if (!detail.ok) notFound();
  const { dossier, events, attachments, allowedActions, supplementRequest: request } = detail.value;
  const [version, decision, paymentsResult] = await Promise.all([
    getFilingVersion(dossier.procedureVersionId),
    dossier.outcome ? getDecisionForDossier(dossier.id) : null,
    paymentsOfDossier(applicant, code),
  ]);
  const payments = paymentsResult.ok ? paymentsResult.value : null;
  // While it waits for payment, the request; afterwards the latest paid fee and its receipt.
  const open = dossier.status === "awaiting_payment" ? (payments?.open ?? null) : null;

  const name = localized(lang, dossier.procedure);
  const agencyName = (agency: { nameVi: string; nameEn: string }) => localized(lang, agency);
  const page = `/${lang}/dossiers/${encodeURIComponent(code)}`;
  const error = dossierErrorKey(query.error);
  const done = query.done === "supplement" || query.done === "withdraw" ? query.done : null;
  const canWithdraw = allowedActions.includes("withdraw");
  const confirmWithdraw = canWithdraw && query.withdraw === "1";
  const canSupplement = dossier.status === "supplement_requested" && allowedActions.includes("supplement");
  const title = `${t("detail.title", { code })} – ${t("common:siteName")}`;

  const end = endOf(dossier.status, dossier.finishedAt);
  const appointment = appointmentState(dossier.status, dossier.dueAt);
  // The latest approved apology (its details are the applicant's to read: lib/dossiers/visibility).
  const apologyEvent = events.find((event) => event.action === "approve_delay");
  const apology =
    apologyEvent && dossier.status !== "returned"
      ? {
          reason: String(apologyEvent.details?.reason ?? ""),
          newDueAt: String(apologyEvent.details?.newDueAt ?? ""),
          originalDueAt: String(apologyEvent.details?.originalDueAt ?? ""),
        }
      : null;
  const returned = events.find((event) => event.action === "return_result");
  const resultFile = returned?.details?.resultFile as EventDocument | undefined;
  const rows = [
    {
      key: t("detail.status"),
      value: <StatusTag status={dossier.status} label={t(`status.${dossier.status}`)} />,
    },
    { key: t("detail.procedure"), value: name },
    { key: t("detail.submittedAt"), value: formatDateTime(dossier.submittedAt, lang) || t("detail.notYet") },
    {
      key: t("detail.dueAt"),
      value:
        appointment === "none" ? (
          t(`detail.noAppointment.${dossier.status}`)
        ) : dossier.dueAt ? (
          <>
            {formatDate(dossier.dueAt, lang)}
            {isOverdue(dossier, new Date()) ? (
              <>
                {" "}
                <Tag tone="red">{t("detail.overdue")}</Tag>
              </>
            ) : null}
          </>
        ) : (
          t("detail.dueNotSet")
        ),
    },
    ...(dossier.originalDueAt
      ? [{ key: t("detail.originalDueAt"), value: formatDate(dossier.originalDueAt, lang) }]
      : []),
    { key: t("detail.receivingAgency"), value: agencyName(dossier.receivingAgency) },
    { key: t("detail.competentAgency"), value: agencyName(dossier.competentAgency) },
    ...(dossier.outcome
      ? [
          {
            key: t("detail.outcome"),
            value: (
              <>
                <strong>{t(`outcome.${dossier.outcome}`)}</strong>
                {dossier.finishedAt ? ` (${formatDate(dossier.finishedAt, lang)})` : null}
              </>
            ),
          },
        ]
      : []),
    // Refused, withdrawn or stopped: the day it ended, under its own name (there is no result).
    ...(end && end.kind !== "result"
      ? [{ key: t(`detail.endedOn.${end.kind}`), value: formatDateTime(end.at, lang) }]
      : []),
    ...(decision
      ? [
          {
            key: t("detail.decision"),
            value: (
              <>
                {t("detail.decisionText", {
                  number: decision.number,
                  date: formatDate(decision.issuedOn, lang),
                })}{" "}
                <Link href={`/${lang}/decisions?q=${encodeURIComponent(decision.number)}`}>
                  {t("detail.decisionLink")}
                </Link>
              </>
            ),
          },
        ]
      : []),
    ...(dossier.returnedAt
      ? [{ key: t("detail.returnedAt"), value: formatDateTime(dossier.returnedAt, lang) }]
      : []),
  ];

  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[{ href: `/${lang}/dossiers`, text: t("common:nav.myDossiers") }, { text: code }]}
      />
      {error ? <Notice tone="warning">{t(error)}</Notice> : null}
      {done ? <Notice tone="success">{t(`detail.done.${done}`)}</Notice> : null}
      <PaymentBanner flag={query.payment} t={t} />
      <span className={formStyles.caption}>{name}</span>
      <h1>{t("detail.title", { code })}</h1>
      {apology ? (
        <Notice tone="warning">
          <p>
            {t("detail.delayNotice", {
              reason: apology.reason,
              newDate: formatDate(apology.newDueAt, lang),
              originalDate: formatDate(apology.originalDueAt, lang),
            })}
          </p>
        </Notice>
      ) : null}
      <SummaryList rows={rows} />
      <WorkingTimeLeft actor={applicant} dossier={dossier} lang={lang} viewer="applicant" />
      {resultFile ? (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{t("detail.result")}</h2>
          <p>
            {t("detail.resultOnline")}{" "}
            <a href={`/api/v1/attachments/${encodeURIComponent(resultFile.id)}`}>{resultFile.fileName}</a>
          </p>
        </section>
      ) : null}
      {payments && (open || payments.paid) ? (
        <PaymentPanel
          lang={lang}
          code={code}
          agencyName={agencyName(dossier.receivingAgency)}
          open={open}
          paid={open ? null : payments.paid}
          account={payments.account}
          qrSvg={open ? (payments.qr?.svg ?? null) : null}
          onlineHref={
            open && onlinePaymentAvailable() ? `/${lang}/payments/${encodeURIComponent(open.id)}/pay` : null
          }
        />
      ) : null}
      {dossier.outcome ? (
        <p>
          {t(`detail.outcomeText.${dossier.outcome}`)}
          {dossier.status === "done" ? ` ${t("detail.resultReady")}` : null}
        </p>
      ) : null}

      {canSupplement ? (
        <section aria-labelledby="supplement-title">
          <h2 id="supplement-title">{t("supplement.title")}</h2>
          <Notice tone="warning">
            <p>
              <strong>{t("supplement.requestIntro")}</strong>
            </p>
            <p className={formStyles.declaration}>{request?.comment ?? t("supplement.noComment")}</p>
            {request && request.documents.length > 0 ? (
              <>
                <p>
                  <strong>{t("supplement.requestedTitle")}</strong>
                </p>
                <ul>
                  {request.documents.map((document, index) => (
                    <li key={index}>{requestedDocumentName(document, version?.documents ?? [], lang)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </Notice>
          <SupplementForm
            lang={lang}
            code={code}
            dossierId={dossier.id}
            version={dossier.version}
            documents={
              request && request.documents.length > 0
                ? // Exactly the documents the agency asked for, each with its name.
                  request.documents.map((document, index) => {
                    const listed = version?.documents.find((d) => d.key === document.key);
                    const kinds = kindsFor(listed);
                    return {
                      key: requestedDocumentKey(document, index),
                      name: requestedDocumentName(document, version?.documents ?? [], lang),
                      required: true,
                      accept: acceptAttribute(kinds),
                      docx: kinds.includes("docx"),
                    };
                  })
                : (version?.documents ?? []).map((document) => ({
                    key: document.key,
                    name: document.name[lang],
                    accept: acceptAttribute(kindsFor(document)),
                    docx: kindsFor(document).includes("docx"),
                  }))
            }
            limits={limitParams}
            title={title}
            action={supplementAction}
          />
        </section>
      ) : (
        <ErrorTitle title={title} prefix={t("common:errorTitlePrefix")} active={Boolean(error)} />
      )}

      <h2>{t("detail.answersTitle")}</h2>
      <SummaryList
        rows={(version ? formFields(version.form) : []).map((field) => ({
          key: field.label[lang],
          value: answerText(field, dossier.formData[field.name], lang) ?? t("check.notAnswered"),
        }))}
      />
      <h2>{t("detail.documentsTitle")}</h2>
      <DossierDocuments
        lang={lang}
        viewer="applicant"
        documents={version?.documents ?? []}
        attachments={attachments}
      />
      <h2>{t("detail.historyTitle")}</h2>
      <DossierTimeline events={events} lang={lang} viewer="applicant" />
      <SlipLinks lang={lang} code={dossier.code} events={events} reader="applicant" />

      {canWithdraw ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw" tabIndex={-1}>
            {t("withdraw.title")}
          </h2>
          {confirmWithdraw ? (
            <form action={withdrawAction}>
              <input type="hidden" name="lang" value={lang} />
              <input type="hidden" name="code" value={code} />
              <input type="hidden" name="dossierId" value={dossier.id} />
              <input type="hidden" name="version" value={dossier.version} />
              <Notice tone="warning">{t("withdraw.warning")}</Notice>
              <TextArea id="withdraw-comment" name="comment" label={t("withdraw.comment")} rows={3} />
              <div className="button-group">
                <SubmitButton variant="warning">{t("withdraw.confirm")}</SubmitButton>
                <Link href={page}>{t("withdraw.cancel")}</Link>
              </div>
            </form>
          ) : (
            <>
              <p>{t("withdraw.intro")}</p>
              <p>
                <Link href={`${page}?withdraw=1#withdraw`}>{t("withdraw.start")}</Link>
              </p>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
