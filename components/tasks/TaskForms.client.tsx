"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FieldShell, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { DeadlineFields, OfficerSelect, type AgencyOption, type OfficerOption } from "./formParts.client";
import styles from "./tasks.module.css";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

function useTaskForm(lang: Lang, messages: Messages, action: Action, prefix: string) {
  const t = useMemo(() => translator(lang, messages, "workspace"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const idFor = (field: string) =>
    field === "form"
      ? `${prefix}-heading`
      : field === "deadline.date"
        ? `${prefix}-deadline-date-value`
        : field === "deadline.days"
          ? `${prefix}-deadline-days-value`
          : `${prefix}-${field}`;
  const issues = useMemo(() => new FormIssues(state, t, idFor), [state, t]); // eslint-disable-line react-hooks/exhaustive-deps
  return { t, state, formAction, pending, issues, errorPrefix: t("common:errorTitlePrefix") };
}

/** A progress report by the owner: text, documents, "this is the final report". */
export function ReportFormClient({
  lang,
  messages,
  title,
  ownsTitle = true,
  version,
  accept,
  action,
}: {
  lang: Lang;
  messages: Messages;
  /** The page's whole <title>, with "Error: " put before it while the form shows errors. */
  title: string;
  /** One form per page writes the page's <title> (the page gives no title in its metadata). */
  ownsTitle?: boolean;
  version: number;
  accept: string;
  action: Action;
}) {
  const { t, state, formAction, pending, issues, errorPrefix } = useTaskForm(
    lang,
    messages,
    action,
    "report",
  );
  const values = state.values;
  const documentErrors = issues.messages("documents");
  return (
    <section aria-labelledby="report-heading">
      {ownsTitle ? <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} /> : null}
      <h2 id="report-heading" tabIndex={-1}>
        {t("tasks.report.heading")}
      </h2>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate encType="multipart/form-data" key={JSON.stringify(state)}>
        <input type="hidden" name="version" value={values.version ?? String(version)} />
        <TextArea
          id="report-text"
          name="text"
          label={t("tasks.report.text")}
          hint={t("tasks.report.textHint")}
          defaultValue={values.text ?? ""}
          maxLength={4000}
          error={issues.message("text")}
          errorPrefix={errorPrefix}
        />
        <FieldShell
          id="report-documents"
          label={t("tasks.report.documents")}
          hint={t("tasks.report.documentsHint")}
          error={documentErrors.length > 0 ? documentErrors.join(" ") : undefined}
          errorPrefix={errorPrefix}
        >
          <input
            id="report-documents"
            name="documents"
            type="file"
            multiple
            accept={accept}
            className="file-upload"
            aria-describedby={`report-documents-hint${documentErrors.length > 0 ? " report-documents-error" : ""}`}
          />
        </FieldShell>
        <TextField
          id="report-documentsNote"
          name="documentsNote"
          label={t("tasks.report.documentsNote")}
          defaultValue={values.documentsNote ?? ""}
          maxLength={500}
          error={issues.message("documentsNote")}
          errorPrefix={errorPrefix}
        />
        <div className={styles.choice}>
          <input
            type="checkbox"
            id="report-completes"
            name="completes"
            value="yes"
            defaultChecked={values.completes === "yes"}
          />
          <label htmlFor="report-completes">{t("tasks.report.completes")}</label>
        </div>
        <Button disabled={pending}>{t("tasks.report.submit")}</Button>
      </form>
    </section>
  );
}

/** Another owner agency or officer, and optionally a new deadline (the body's chair, secretary, support). */
export function ReassignFormClient({
  lang,
  messages,
  title,
  ownsTitle = true,
  version,
  agencies,
  officers,
  current,
  agencyLocked,
  action,
}: {
  lang: Lang;
  messages: Messages;
  /** The page's whole <title>, with "Error: " put before it while the form shows errors. */
  title: string;
  /** One form per page writes the page's <title> (the page gives no title in its metadata). */
  ownsTitle?: boolean;
  version: number;
  agencies: AgencyOption[];
  officers: OfficerOption[];
  current: { ownerAgencyId: string; ownerUserId: string | null };
  /** The head of the owner agency changes the officer only. */
  agencyLocked: boolean;
  action: Action;
}) {
  const { t, state, formAction, pending, issues, errorPrefix } = useTaskForm(
    lang,
    messages,
    action,
    "reassign",
  );
  const values = state.values;
  const shownAgencies = agencyLocked ? agencies.filter((a) => a.id === current.ownerAgencyId) : agencies;
  return (
    <section aria-labelledby="reassign-heading">
      {ownsTitle ? <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} /> : null}
      <h2 id="reassign-heading" tabIndex={-1}>
        {t("tasks.reassign.heading")}
      </h2>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="version" value={values.version ?? String(version)} />
        <SelectField
          id="reassign-ownerAgencyId"
          name="ownerAgencyId"
          label={t("tasks.reassign.agency")}
          className={`select ${styles.select}`}
          defaultValue={values.ownerAgencyId ?? current.ownerAgencyId}
          options={shownAgencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          error={issues.message("ownerAgencyId")}
          errorPrefix={errorPrefix}
        />
        <OfficerSelect
          id="reassign-ownerUserId"
          label={t("tasks.reassign.officer")}
          hint={t("tasks.reassign.officerHint")}
          emptyLabel={t("tasks.reassign.noOfficer")}
          agencies={shownAgencies}
          officers={officers}
          value={
            values.ownerUserId ??
            (current.ownerUserId ? `${current.ownerAgencyId}:${current.ownerUserId}` : "")
          }
          error={issues.message("ownerUserId")}
          errorPrefix={errorPrefix}
        />
        {agencyLocked ? null : (
          <DeadlineFields
            idPrefix="reassign"
            t={t}
            issues={issues}
            errorPrefix={errorPrefix}
            values={values}
            allowKeep
            legend={t("tasks.reassign.newDeadline")}
          />
        )}
        <TextField
          id="reassign-reason"
          name="reason"
          label={t("tasks.reassign.reason")}
          defaultValue={values.reason ?? ""}
          maxLength={1000}
          error={issues.message("reason")}
          errorPrefix={errorPrefix}
        />
        <Button variant="secondary" disabled={pending}>
          {t("tasks.reassign.submit")}
        </Button>
      </form>
    </section>
  );
}

/** One task from a conclusion: title, details, owner agency and officer, deadline. */
export function NewTaskFormClient({
  lang,
  messages,
  title,
  ownsTitle = true,
  agencies,
  officers,
  action,
}: {
  lang: Lang;
  messages: Messages;
  /** The page's whole <title>, with "Error: " put before it while the form shows errors. */
  title: string;
  /** One form per page writes the page's <title> (the page gives no title in its metadata). */
  ownsTitle?: boolean;
  agencies: AgencyOption[];
  officers: OfficerOption[];
  action: Action;
}) {
  const { t, state, formAction, pending, issues, errorPrefix } = useTaskForm(lang, messages, action, "task");
  const values = state.values;
  return (
    <section aria-labelledby="task-heading">
      {ownsTitle ? <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} /> : null}
      <h2 id="task-heading" tabIndex={-1}>
        {t("tasks.new.formHeading")}
      </h2>
      <p>{t("tasks.new.formHint")}</p>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <TextField
          id="task-title"
          name="title"
          label={t("tasks.new.taskTitle")}
          defaultValue={values.title ?? ""}
          maxLength={500}
          error={issues.message("title")}
          errorPrefix={errorPrefix}
        />
        <TextArea
          id="task-details"
          name="details"
          label={t("tasks.new.details")}
          defaultValue={values.details ?? ""}
          maxLength={4000}
          error={issues.message("details")}
          errorPrefix={errorPrefix}
        />
        <SelectField
          id="task-ownerAgencyId"
          name="ownerAgencyId"
          label={t("tasks.new.agency")}
          className={`select ${styles.select}`}
          placeholder={t("tasks.new.agencyPlaceholder")}
          defaultValue={values.ownerAgencyId ?? ""}
          options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          error={issues.message("ownerAgencyId")}
          errorPrefix={errorPrefix}
        />
        <OfficerSelect
          id="task-ownerUserId"
          label={t("tasks.new.officer")}
          hint={t("tasks.reassign.officerHint")}
          emptyLabel={t("tasks.reassign.noOfficer")}
          agencies={agencies}
          officers={officers}
          value={values.ownerUserId ?? ""}
          error={issues.message("ownerUserId")}
          errorPrefix={errorPrefix}
        />
        <DeadlineFields
          idPrefix="task"
          t={t}
          issues={issues}
          errorPrefix={errorPrefix}
          values={values}
          legend={t("tasks.deadline.legend")}
        />
        <Button disabled={pending}>{t("tasks.new.submit")}</Button>
      </form>
    </section>
  );
}
