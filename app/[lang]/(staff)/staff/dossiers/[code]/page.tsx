import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadCalendar } from "@/lib/calendar/service";
import { getDecisionForDossier } from "@/lib/decisions/service";
import { getFilingVersion } from "@/lib/dossiers/filing";
import {
  getDossierDetail,
  listAssignableSpecialists,
  consultationKinds,
  listConsultableAgencies,
  type ConsultationView,
  type TransferLegView,
} from "@/lib/dossiers/service";
import { caseworkAgencyIds } from "@/lib/identity/types";
import { addWorkingDaysToDate } from "@/lib/calendar/rules";
import { DataTable } from "@/components/ui/DataTable";
import type { AttachmentView } from "@/lib/dossiers/types";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "@/lib/i18n/format";
import { paymentsOfDossier } from "@/lib/payments/service";
import { getT, resolveLang, type T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { getActor } from "@/lib/identity/actor";
import { localDate } from "@/lib/calendar/rules";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { SendToAgenda } from "@/components/meetings/SendToAgenda";
import { DossierCommitteeWork } from "@/components/meetings/DossierCommitteeWork";
import { committeeWorkOf } from "@/lib/dossiers/committee";
import { decodeOutcome } from "@/components/meetings/outcome";
import { listAgendaTargets } from "@/lib/meetings/meetings";
import { meetingAction } from "@/app/[lang]/(workspace)/workspace/meetings/actions";
import { Notice } from "@/components/ui/Notice";
import { StatusTag } from "@/components/ui/StatusTag";
import { SummaryList } from "@/components/ui/SummaryList";
import { isStaffFormAction } from "@/components/staff/staffForms";
import { DeadlineText } from "@/components/staff/DeadlineText";
import { DossierWorkspace } from "@/components/staff/DossierWorkspace";
import { NotStaff } from "@/components/staff/NotStaff";
import { PublishDecisionForm, PublishedDecision } from "@/components/staff/PublishDecisionForm";
import { DeskPaymentForm, RequestPaymentForm } from "@/components/staff/PaymentForms";
import { PaymentList } from "@/components/dossiers/PaymentList";
import { DossierAnswers } from "@/components/dossiers/DossierAnswers";
import { DossierDocuments } from "@/components/dossiers/DossierDocuments";
import { DossierTimeline } from "@/components/dossiers/DossierTimeline";
import { WorkingTimeLeft } from "@/components/dossiers/WorkingTimeLeft";
import { SlipLinks } from "@/components/dossiers/SlipLinks";
import { requireStaff } from "../../_shared/staff-actor";
import { publishDecisionAction, recordDeskPaymentAction, requestPaymentAction, staffAction } from "./actions";
import { localized } from "@/lib/i18n/localized";
import { requestedDocumentName } from "@/lib/dossiers/requestedDocuments";

type Props = {
  params: Promise<{ lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "staff");
  const actor = await getActor();
  // For staff, DossierWorkspace renders the <title>, with "Error: " in front when a form failed: a
  // title here would come first and hide it.
  return { title: actor.kind === "applicant" ? t("notStaff.title") : null };
}

export default async function StaffDossierPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { code } = await params;
  const query = await searchParams;
  const t = await getT(lang, "staff");
  const tCommon = await getT(lang, "common");

  const actor = await requireStaff(lang, `/${lang}/staff/dossiers/${encodeURIComponent(code)}`);
  if (!actor) return <NotStaff lang={lang} t={t} />;

  const result = await getDossierDetail(actor, { code });
  if (!result.ok) notFound();
  const { dossier, events, attachments, allowedActions, proposal, consultations, transferLegs } =
    result.value;
  const allowed = allowedActions.filter(isStaffFormAction);
  const [specialists, calendar, version, decision, consultable, paymentsResult] = await Promise.all([
    allowed.includes("assign") ? listAssignableSpecialists(actor, code) : Promise.resolve([]),
    loadCalendar(),
    getFilingVersion(dossier.procedureVersionId),
    getDecisionForDossier(dossier.id),
    allowed.includes("consult")
      ? listConsultableAgencies(actor, dossier.competentAgency.id)
      : Promise.resolve([]),
    paymentsOfDossier(actor, code),
  ]);
  // The bodies' work on the dossier; one whose procedure needs the committee's decision, in
  // progress, can go to a coming meeting of a body that decides for its agency (lib/meetings).
  const committee = await committeeWorkOf(actor, code);
  const sendable = dossier.status === "in_progress" && committee?.needsCommitteeDecision === true;
  const agendaTargets = sendable ? await listAgendaTargets(actor, dossier.competentAgency.id) : [];
  const payments = paymentsResult.ok ? paymentsResult.value : null;
  const canRequestPayment = allowedActions.includes("request_payment") && payments !== null;
  const openPayment = allowedActions.includes("record_payment") ? (payments?.open ?? null) : null;
  const tPayments = await getT(lang, "payments");
  const paymentDone =
    query.done === "payment_request" ? "request" : query.done === "payment_desk" ? "desk" : null;
  const paymentError =
    typeof query.paymentError === "string" &&
    ["conflict", "invalid_transition", "payment_not_open"].includes(query.paymentError)
      ? query.paymentError
      : null;

  const name = (value: { nameVi: string; nameEn: string }) => localized(lang, value);
  const when = (value: Date | null) =>
    value ? formatDateTime(value, lang) : <span className="muted">{t("dossier.notYet")}</span>;
  const done =
    query.done === "publish" ||
    query.done === "intake" ||
    (typeof query.done === "string" && isStaffFormAction(query.done))
      ? query.done
      : null;
  // Who may publish, and when, is lib/decisions/rules.ts, returned like every other action.
  const canPublish = allowedActions.includes("publish_decision");
  const title = t("dossier.title", { code });

  // The question this officer's agency answers: the oldest one still open addressed to it.
  const mine = new Set(caseworkAgencyIds(actor));
  const question = consultations.find((c) => c.answeredAt === null && mine.has(c.to.id)) ?? null;
  const chain = version?.handlingChain ?? null;
  const next = chain?.[dossier.chainStep + 1];
  const nextAgency = next ? transferLegsAgencyName(next.agencyId, consultable, transferLegs, lang) : null;
  const details = {
    assigned: dossier.assignee !== null,
    agencies: consultable.map((agency) => ({ id: agency.id, name: name(agency) })),
    consultation: question
      ? { id: question.id, from: name(question.from), question: question.question }
      : null,
    nextAgency: next ? { name: nextAgency ?? "", days: formatNumber(next.days, lang) } : null,
    delay: dossier.pendingDelay
      ? { reason: dossier.pendingDelay.reason, newDueAt: formatDate(dossier.pendingDelay.newDueAt, lang) }
      : null,
    minDelayDate: dossier.dueAt ? addWorkingDaysToDate(localDate(dossier.dueAt), 1, calendar) : null,
    procedureDocuments: (version?.documents ?? []).map((document) => ({
      key: document.key,
      name: document.name[lang],
    })),
  };

  const rows = [
    { key: t("dossier.procedure"), value: `${dossier.procedure.code} · ${name(dossier.procedure)}` },
    { key: t("dossier.applicant"), value: dossier.applicantName },
    { key: t("dossier.channel"), value: tCommon(`channel.${dossier.channel}`) },
    { key: t("dossier.receivingAgency"), value: name(dossier.receivingAgency) },
    { key: t("dossier.competentAgency"), value: name(dossier.competentAgency) },
    {
      key: t("dossier.assignee"),
      value: dossier.assignee?.name ?? <span className="muted">{t("queue.unassigned")}</span>,
    },
    { key: t("dossier.submittedAt"), value: when(dossier.submittedAt) },
    { key: t("dossier.acceptedAt"), value: when(dossier.acceptedAt) },
    {
      key: t("dossier.dueAt"),
      value: (
        <>
          {when(dossier.dueAt)}
          <DeadlineText dossier={dossier} now={new Date()} calendar={calendar} t={t} />
        </>
      ),
    },
    ...(dossier.originalDueAt
      ? [{ key: t("dossier.originalDueAt"), value: when(dossier.originalDueAt) }]
      : []),
    ...(dossier.pendingDelay
      ? [
          {
            key: t("dossier.pendingDelay"),
            value: t("dossier.pendingDelayText", {
              date: formatDate(dossier.pendingDelay.newDueAt, lang),
              reason: dossier.pendingDelay.reason,
            }),
          },
        ]
      : []),
    ...(dossier.clockStoppedAt
      ? [{ key: t("dossier.clockStoppedAt"), value: when(dossier.clockStoppedAt) }]
      : []),
    ...(dossier.supplementCount > 0
      ? [{ key: t("dossier.supplementCount"), value: formatNumber(dossier.supplementCount, lang) }]
      : []),
    ...(dossier.requestedDocuments.length > 0
      ? [
          {
            key: t("dossier.requestedDocuments"),
            value: (
              <ul>
                {dossier.requestedDocuments.map((document, index) => (
                  <li key={index}>{requestedDocumentName(document, version?.documents ?? [], lang)}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...(proposal
      ? [
          { key: t("dossier.proposal"), value: t(`dossier.proposals.${proposal.proposal}`) },
          ...(proposal.note ? [{ key: t("dossier.proposalNote"), value: proposal.note }] : []),
        ]
      : []),
    { key: t("dossier.finishedAt"), value: when(dossier.finishedAt) },
    ...(dossier.outcome
      ? [{ key: t("dossier.outcome"), value: t(`dossier.outcomes.${dossier.outcome}`) }]
      : []),
    { key: t("dossier.returnedAt"), value: when(dossier.returnedAt) },
  ];
  return (
    <DossierWorkspace
      lang={lang}
      code={code}
      version={dossier.version}
      accepted={dossier.acceptedAt !== null}
      title={`${title} – ${tCommon("siteName")}`}
      allowed={allowed}
      specialists={specialists}
      details={details}
      action={staffAction.bind(null, lang)}
      extra={
        canPublish || canRequestPayment || openPayment ? (
          <>
            {canRequestPayment ? (
              <RequestPaymentForm
                lang={lang}
                title={`${title} – ${tCommon("siteName")}`}
                version={dossier.version}
                amount={payments!.fee.amountVnd ? String(payments!.fee.amountVnd) : ""}
                amountHint={
                  payments!.fee.amountVnd
                    ? tPayments("request.amountHint", { published: payments!.fee.asPublished.join("; ") })
                    : payments!.fee.choices.length > 1
                      ? tPayments("request.amountHintChoice", {
                          published: payments!.fee.asPublished.join("; "),
                        })
                      : tPayments("request.amountHintNone")
                }
                legalBasis={payments!.fee.legalBasis ?? ""}
                action={requestPaymentAction.bind(null, lang, code)}
              />
            ) : null}
            {openPayment ? (
              <DeskPaymentForm
                lang={lang}
                title={`${title} – ${tCommon("siteName")}`}
                version={dossier.version}
                paymentId={openPayment.id}
                amount={formatVnd(openPayment.amountVnd, lang)}
                action={recordDeskPaymentAction.bind(null, lang, code)}
              />
            ) : null}
            {canPublish ? (
              <PublishDecisionForm
                lang={lang}
                title={`${title} – ${tCommon("siteName")}`}
                today={localDate(new Date())}
                version={dossier.version}
                action={publishDecisionAction.bind(null, lang, code)}
              />
            ) : null}
          </>
        ) : null
      }
      published={
        decision ? (
          <PublishedDecision
            lang={lang}
            decision={{
              number: decision.number,
              issuedOn: formatDate(decision.issuedOn, lang),
              agency: name(decision.agency),
              summary: localized(lang, decision, "summary"),
              href: `/${lang}/decisions?q=${encodeURIComponent(decision.number)}`,
            }}
          />
        ) : null
      }
      notice={
        paymentError ? (
          <Notice tone="warning">
            <p>{tPayments(`errors.${paymentError}`)}</p>
          </Notice>
        ) : paymentDone ? (
          <Notice tone="success">
            <p>{tPayments(`done.${paymentDone}`)}</p>
          </Notice>
        ) : done ? (
          <Notice tone="success">
            <p>{t(`done.${done}`)}</p>
            {done === "intake" ? (
              <p>
                {/* Slip 01 (receipt and appointment) is generated by the slips API. */}
                <a href={`/api/v1/dossiers/${encodeURIComponent(code)}/slips/01`}>{t("intake.printSlip")}</a>
              </p>
            ) : null}
          </Notice>
        ) : null
      }
      header={
        <Breadcrumbs
          label={tCommon("nav.breadcrumbs")}
          items={[{ href: `/${lang}/staff`, text: t("dossier.backToQueue") }, { text: code }]}
        />
      }
      heading={
        <>
          <span className="muted">{name(dossier.procedure)}</span>
          <h1>{title}</h1>
          <p>
            <StatusTag status={dossier.status} label={t(`dossiers:status.${dossier.status}`)} />
          </p>
        </>
      }
    >
      <h2>{t("dossier.summary")}</h2>
      <SummaryList rows={rows} />
      <WorkingTimeLeft actor={actor} dossier={dossier} lang={lang} viewer="staff" />

      <h2>{t("dossier.answers")}</h2>
      {Object.keys(dossier.formData ?? {}).length === 0 ? (
        <p>{t("dossier.noAnswers")}</p>
      ) : version ? (
        <DossierAnswers
          form={version.form}
          formData={dossier.formData}
          lang={lang}
          idNumbers="full"
          notAnswered="—"
          showUnnamed
        />
      ) : null}

      <h2>{t("dossier.documents")}</h2>
      <DossierDocuments
        documents={version?.documents ?? []}
        // The agencies' exchanges are shown with their consultation, below.
        attachments={attachments.filter((file) => !consultationKinds.includes(file.documentKey))}
        lang={lang}
        viewer="staff"
      />

      {payments && payments.payments.length > 0 ? (
        <PaymentList lang={lang} code={code} payments={payments.payments} viewer="staff" />
      ) : null}

      {transferLegs.length > 0 ? (
        <>
          <h2>{t("dossier.transfer.title")}</h2>
          <TransferShares legs={transferLegs} lang={lang} t={t} />
        </>
      ) : null}

      {consultations.length > 0 ? (
        <>
          <h2>{t("dossier.consultations.title")}</h2>
          {consultations.map((consultation) => (
            <Consultation key={consultation.id} consultation={consultation} lang={lang} t={t} />
          ))}
        </>
      ) : null}

      {committee ? <DossierCommitteeWork lang={lang} t={t} work={committee} /> : null}

      {sendable ? (
        <SendToAgenda
          lang={lang}
          t={t}
          code={code}
          targets={agendaTargets}
          outcome={decodeOutcome(query.outcome)}
          action={meetingAction}
          errorPrefix={tCommon("errorTitlePrefix")}
        />
      ) : null}

      <h2>{t("dossier.history")}</h2>
      <DossierTimeline events={events} lang={lang} viewer="staff" />
      <SlipLinks lang={lang} code={dossier.code} events={events} reader="staff" />
    </DossierWorkspace>
  );
}

/** The next agency's name: from the agencies already named on the page, else its turn's row. */
function transferLegsAgencyName(
  agencyId: string,
  known: { id: string; nameVi: string; nameEn: string }[],
  legs: TransferLegView[],
  lang: Lang,
): string | null {
  const agency =
    known.find((a) => a.id === agencyId) ?? legs.find((leg) => leg.agency.id === agencyId)?.agency;
  return agency ? localized(lang, agency) : null;
}

/** Each agency's share of the time limit: planned, and the working days it used (so far). */
function TransferShares({ legs, lang, t }: { legs: TransferLegView[]; lang: Lang; t: T }) {
  return (
    <DataTable
      caption={t("dossier.transfer.caption")}
      columns={[
        { key: "agency", header: t("dossier.transfer.agency") },
        { key: "planned", header: t("dossier.transfer.planned") },
        { key: "used", header: t("dossier.transfer.used") },
        { key: "period", header: t("dossier.transfer.period") },
      ]}
      rows={legs.map((leg) => ({
        key: String(leg.step),
        cells: {
          agency: localized(lang, leg.agency),
          planned: t("dossier.transfer.days", { count: leg.plannedDays }),
          used: (
            <>
              {t("dossier.transfer.days", { count: leg.usedDays })}
              {leg.usedDays > leg.plannedDays ? (
                <>
                  {" "}
                  <strong className="tag tag--red">{t("dossier.transfer.over")}</strong>
                </>
              ) : null}
            </>
          ),
          period: `${formatDateTime(leg.startedAt, lang)} – ${
            leg.endedAt ? formatDateTime(leg.endedAt, lang) : t("dossier.transfer.now")
          }`,
        },
      }))}
    />
  );
}

function Files({ files, lang }: { files: AttachmentView[]; lang: Lang }) {
  if (files.length === 0) return null;
  return (
    <ul>
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/v1/attachments/${file.id}`}>{file.fileName}</a>{" "}
          <span className="muted small">({formatDateTime(file.createdAt, lang)})</span>
        </li>
      ))}
    </ul>
  );
}

/** A question to another agency and, once given, its answer, each with its documents. */
function Consultation({ consultation: c, lang, t }: { consultation: ConsultationView; lang: Lang; t: T }) {
  const name = (value: { nameVi: string; nameEn: string }) => localized(lang, value);
  return (
    <SummaryList
      rows={[
        {
          key: t("dossier.consultations.question"),
          value: (
            <>
              <p className="muted small">
                {t("dossier.consultations.asked", {
                  from: name(c.from),
                  to: name(c.to),
                  who: c.askedBy ?? "",
                  when: formatDateTime(c.askedAt, lang),
                })}
              </p>
              <p style={{ whiteSpace: "pre-wrap" }}>{c.question}</p>
              <Files files={c.questionDocuments} lang={lang} />
            </>
          ),
        },
        {
          key: t("dossier.consultations.answer"),
          value: c.answeredAt ? (
            <>
              <p className="muted small">
                {t("dossier.consultations.answered", {
                  who: c.answeredBy ?? "",
                  when: formatDateTime(c.answeredAt, lang),
                })}
              </p>
              <p style={{ whiteSpace: "pre-wrap" }}>{c.answer}</p>
              <Files files={c.answerDocuments} lang={lang} />
            </>
          ) : (
            <strong className="tag">{t("dossier.consultations.waiting", { agency: name(c.to) })}</strong>
          ),
        },
      ]}
    />
  );
}
