import Link from "next/link";
import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { acceptAttribute } from "@/lib/files/types";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang, type T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { workspaceFileKinds } from "@/lib/meetings/files";
import { getOpinionForm, type OpinionFormView } from "@/lib/meetings/opinions";
import { mayManageTasks } from "@/lib/tasks/rules";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { Timeline } from "@/components/ui/Timeline";
import { MemberName } from "@/components/workspace/MemberName";
import { StepForms } from "@/components/workspace/StepForms";
import type { WorkspaceFieldSpec } from "@/components/workspace/WorkspaceForm";
import { MemberStatusTag, OpinionStatusTag } from "@/components/workspace/OpinionTags";
import { opinionFormFields } from "@/components/workspace/opinionFields";
import { requireMember } from "../../_shared/workspace";
import { answerOpinionAction, opinionStepAction, updateOpinionAction } from "../actions";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  // The page's forms write the title (with "Error: " in front when a post fails).
  return { title: null };
}

const doneNotices = new Set([
  "created",
  "saved",
  "submit",
  "approve",
  "return",
  "remind",
  "conclude",
  "confirm",
  "answered",
  "withdraw",
]);

/** What the result says, for the secretary's draft conclusion to start from. */
function prefilledConclusion(form: OpinionFormView, t: T): string {
  const result = form.result ?? {};
  const n = (key: string) => Number(result[key] ?? 0);
  return t("opinions.conclusionPrefill", {
    title: form.title,
    yes: n("yes"),
    no: n("no"),
    members: n("votingMembers"),
    outcome: t(`opinions.outcome.${String(result.outcome ?? "rejected")}`),
  });
}

/** The member's answer: agree, agree with comments, disagree; a comment; their password again. */
function answerFields(form: OpinionFormView, t: T): WorkspaceFieldSpec[] {
  return [
    {
      name: "answer",
      kind: "radios",
      label: t("opinions.answer.choice"),
      value: form.mine?.answer,
      options: (["agree", "agree_with_comments", "disagree"] as const).map((value) => ({
        value,
        label: t(`opinions.answers.${value}`),
      })),
    },
    {
      name: "comment",
      kind: "textarea",
      label: t("opinions.answer.comment"),
      hint: t("opinions.answer.commentHint"),
      value: form.mine?.comment ?? "",
    },
    {
      name: "password",
      kind: "password",
      label: t("opinions.answer.password"),
      hint: t("opinions.answer.passwordHint"),
    },
  ];
}

export default async function OpinionFormPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const { actor } = await requireMember(lang, `/${lang}/workspace/opinions/${encodeURIComponent(id)}`);
  const found = await getOpinionForm(actor, id);
  if (!found.ok) notFound();
  const form = found.value;
  const done = typeof query.done === "string" && doneNotices.has(query.done) ? query.done : null;
  const pageTitle = `${form.code}: ${form.title} – ${tCommon("siteName")}`;
  const version = { version: String(form.version) };
  const step = (name: "submit" | "approve" | "return" | "remind" | "conclude" | "confirm" | "withdraw") =>
    opinionStepAction.bind(null, lang, form.id, name);
  // The steps the reader may take, in this order; the first shown writes the page's title.
  const steps = [
    form.may.answer && {
      name: "answer",
      heading: t(form.mine ? "opinions.answer.changeTitle" : "opinions.answer.title"),
      intro: t("opinions.answer.intro", { deadline: formatDateTime(form.deadline, lang) }),
      fields: answerFields(form, t),
      submit: t(form.mine ? "opinions.answer.submitChange" : "opinions.answer.submit"),
      action: answerOpinionAction.bind(null, lang, form.id),
    },
    form.may.approve && {
      name: "approve",
      heading: t("opinions.approve.title"),
      intro: t("opinions.approve.intro", { days: form.workingDays }),
      hidden: version,
      submit: t("opinions.approve.submit"),
      action: step("approve"),
    },
    form.may.approve && {
      name: "return",
      heading: t("opinions.return.title"),
      fields: [
        { name: "reason", kind: "textarea", label: t("opinions.return.reason") },
      ] as WorkspaceFieldSpec[],
      hidden: version,
      submit: t("opinions.return.submit"),
      variant: "secondary" as const,
      action: step("return"),
    },
    form.may.submit && {
      name: "submit",
      heading: t("opinions.submitStep.title"),
      intro: t("opinions.submitStep.intro"),
      hidden: version,
      submit: t("opinions.submitStep.submit"),
      action: step("submit"),
    },
    form.may.draftConclusion && {
      name: "conclude",
      heading: t("opinions.conclude.title"),
      intro: t("opinions.conclude.intro"),
      fields: [
        {
          name: "conclusion",
          kind: "textarea",
          label: t("opinions.conclude.conclusion"),
          value: form.conclusion ?? prefilledConclusion(form, t),
          rows: 6,
        },
      ] as WorkspaceFieldSpec[],
      hidden: version,
      submit: t("opinions.conclude.submit"),
      action: step("conclude"),
    },
    form.may.confirmConclusion && {
      name: "confirm",
      heading: t("opinions.confirm.title"),
      intro: t("opinions.confirm.intro"),
      hidden: version,
      submit: t("opinions.confirm.submit"),
      action: step("confirm"),
    },
    form.may.remind && {
      name: "remind",
      heading: t("opinions.remind.title"),
      intro: t("opinions.remind.intro"),
      hidden: version,
      submit: t("opinions.remind.submit"),
      variant: "secondary" as const,
      action: step("remind"),
    },
    form.may.edit && {
      name: "edit",
      heading: t("opinions.edit.title"),
      fields: opinionFormFields(t, {
        bodies: [],
        accept: acceptAttribute(workspaceFileKinds),
        current: {
          title: form.title,
          question: form.question,
          workingDays: form.workingDays,
          dossierCode: form.dossierCode,
        },
      }),
      hidden: version,
      submit: t("opinions.edit.submit"),
      variant: "secondary" as const,
      action: updateOpinionAction.bind(null, lang, form.id),
    },
    form.may.withdraw && {
      name: "withdraw",
      heading: t("opinions.withdraw.title"),
      intro: t(form.status === "open" ? "opinions.withdraw.introOpen" : "opinions.withdraw.intro"),
      fields: [
        { name: "reason", kind: "textarea", label: t("opinions.withdraw.reason") },
      ] as WorkspaceFieldSpec[],
      hidden: version,
      submit: t("opinions.withdraw.submit"),
      variant: "secondary" as const,
      action: step("withdraw"),
    },
  ];

  return (
    <>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[
          { href: `/${lang}/workspace`, text: t("home.nav.home") },
          { href: `/${lang}/workspace/opinions`, text: t("opinions.listTitle") },
          { text: form.code },
        ]}
      />
      <p className="caption">{localized(lang, form.body)}</p>
      <h1>
        {form.code}: {form.title}
      </h1>
      {done ? (
        <Notice tone="success">
          <p>{t(`opinions.done.${done}`)}</p>
        </Notice>
      ) : null}
      {form.withdrawnReason ? (
        <Notice tone="warning">
          <p>
            <strong>{t("opinions.withdraw.shown")}</strong> {form.withdrawnReason}
          </p>
        </Notice>
      ) : null}
      {form.returnedReason ? (
        <Notice tone="warning">
          <p>
            <strong>{t("opinions.returnedBy")}</strong> {form.returnedReason}
          </p>
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: t("opinions.fields.status"), value: <OpinionStatusTag status={form.status} t={t} /> },
          { key: t("opinions.fields.question"), value: <span className="pre-line">{form.question}</span> },
          {
            key: t("opinions.fields.deadline"),
            value: form.deadline
              ? formatDateTime(form.deadline, lang)
              : t("opinions.deadlineLater", { days: form.workingDays }),
          },
          ...(form.dossierCode ? [{ key: t("opinions.fields.dossierCode"), value: form.dossierCode }] : []),
          ...(form.myStatus
            ? [
                {
                  key: t("opinions.fields.myStatus"),
                  value: <MemberStatusTag status={form.myStatus} t={t} />,
                },
              ]
            : []),
          ...(form.mine
            ? [
                {
                  key: t("opinions.fields.myAnswer"),
                  value: (
                    <>
                      {t(`opinions.answers.${form.mine.answer}`)}
                      {form.mine.comment ? (
                        <span className="pre-line">{` – ${form.mine.comment}`}</span>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <h2>{t("opinions.filesTitle")}</h2>
      {form.files.length === 0 ? (
        <p>{t("opinions.noFiles")}</p>
      ) : (
        <ul>
          {form.files.map((file) => (
            <li key={file.id}>
              <a href={`/${lang}/workspace/opinions/${form.id}/files/${file.id}`}>
                {t(`opinions.fileRoles.${file.role === "request_letter" ? "request_letter" : "draft"}`)}:{" "}
                {file.fileName}
              </a>{" "}
              <span className="muted small">
                ({formatNumber(Math.max(1, Math.round(file.size / 1024)), lang)} KB)
              </span>
            </li>
          ))}
        </ul>
      )}
      {form.conclusion && form.status === "concluded" ? (
        <section aria-labelledby="conclusion-title">
          <h2 id="conclusion-title">{t("opinions.conclusionTitle")}</h2>
          <p className="pre-line">{form.conclusion}</p>
          {mayManageTasks(form.role) ? (
            <p>
              <Link href={`/${lang}/workspace/tasks/new?source=opinion_form:${form.id}`}>
                {t("opinions.giveTasks")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {form.conclusion && form.status === "closed" ? (
        <section aria-labelledby="draft-conclusion-title">
          <h2 id="draft-conclusion-title">{t("opinions.draftConclusionTitle")}</h2>
          <p className="pre-line">{form.conclusion}</p>
        </section>
      ) : null}
      {form.result ? <OpinionResult form={form} lang={lang} t={t} /> : null}
      <StepForms lang={lang} title={pageTitle} steps={steps} />
      <h2>{t("opinions.membersTitle")}</h2>
      <DataTable
        scrollLabel={t("opinions.membersTitle")}
        columns={[
          { key: "member", header: t("opinions.columns.member") },
          { key: "status", header: t("opinions.columns.status") },
          { key: "answer", header: t("opinions.columns.answer") },
        ]}
        rows={form.members.map((member) => ({
          key: member.userId,
          cells: {
            member: <MemberName name={member.fullName} detail={member.title ?? t(`roles.${member.role}`)} />,
            status: <MemberStatusTag status={member.status} t={t} />,
            answer: member.answer ? (
              <>
                {t(`opinions.answers.${member.answer}`)}
                {member.comment ? <span className="pre-line">{` – ${member.comment}`}</span> : null}
              </>
            ) : member.answeredAt ? (
              t("opinions.answerHidden")
            ) : (
              "–"
            ),
          },
        }))}
      />
      <h2>{t("opinions.historyTitle")}</h2>
      {form.chainHolds ? null : (
        <Notice tone="warning">
          <p>{t("opinions.chainBroken")}</p>
        </Notice>
      )}
      <Timeline
        label={t("opinions.historyTitle")}
        entries={[...form.events].reverse().map((event, index) => ({
          key: String(index),
          title: t(`opinions.events.${event.action.replace("opinion.", "")}`, {
            defaultValue: event.action,
          }),
          meta: `${formatDateTime(event.at, lang)}${event.actorName ? ` · ${event.actorName}` : ""}`,
          comment:
            event.action === "opinion.returned" && typeof event.details?.reason === "string"
              ? event.details.reason
              : undefined,
        }))}
      />
    </>
  );
}

/** The counted result, by the body's rule. */
function OpinionResult({ form, lang, t }: { form: OpinionFormView; lang: Lang; t: T }) {
  const result = form.result ?? {};
  const n = (key: string) => formatNumber(Number(result[key] ?? 0), lang);
  const outcome = String(result.outcome ?? "rejected");
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">{t("opinions.resultTitle")}</h2>
      <p className="lead">
        <strong>{t(`opinions.outcome.${outcome}`)}</strong>
        {result.decidedByChair ? ` ${t("opinions.decidedByChair")}` : ""}
      </p>
      <SummaryList
        rows={[
          {
            key: t("opinions.resultRows.agree"),
            value: t("opinions.resultRows.agreeValue", { yes: n("yes"), withComments: n("withComments") }),
          },
          { key: t("opinions.resultRows.disagree"), value: n("no") },
          { key: t("opinions.resultRows.notAnswered"), value: n("absent") },
          {
            key: t("opinions.resultRows.needed"),
            value: t("opinions.resultRows.neededValue", { needed: n("needed"), base: n("base") }),
          },
        ]}
      />
    </section>
  );
}
