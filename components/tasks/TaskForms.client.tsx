"use client";

import { useActionState, useMemo, type ReactNode } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages, type Translate } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FieldShell, TextArea, TextField } from "@/components/ui/Field";
import { DeadlineFields, OwnerFields, type AgencyOption, type OfficerOption } from "./formParts.client";
import styles from "./tasks.module.css";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

function useTaskForm(
  lang: Lang,
  messages: Messages,
  action: Action,
  prefix: string,
  /** On a form of several tasks, the summary names the task: "Task 2: Enter this information". */
  labelFor?: (field: string, t: Translate) => string | undefined,
) {
  const t = useMemo(() => translator(lang, messages, "workspace"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(
    () =>
      new FormIssues(
        state,
        t,
        (field) => fieldId(prefix, field),
        undefined,
        labelFor ? (field) => labelFor(field, t) : undefined,
      ),
    [state, t], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return { t, state, formAction, pending, issues, errorPrefix: t("common:errorTitlePrefix") };
}

/** A field's element id: "form" is the heading; "tasks.1.deadline.date" is task-1-deadline-date-value. */
function fieldId(prefix: string, field: string): string {
  if (field === "form") return `${prefix}-heading`;
  const row = /^tasks\.(\d+)\.(.+)$/.exec(field);
  const base = row ? `${prefix}-${row[1]}` : prefix;
  const rest = row ? row[2]! : field;
  return rest === "deadline.date"
    ? `${base}-deadline-date-value`
    : rest === "deadline.days"
      ? `${base}-deadline-days-value`
      : `${base}-${rest}`;
}

/** The frame every tasks form shares: its heading, the page's <title> with "Error: ", the summary. */
function TaskFormFrame({
  id,
  heading,
  intro,
  title,
  ownsTitle,
  errorPrefix,
  issues,
  t,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  title: string;
  ownsTitle: boolean;
  errorPrefix: string;
  issues: FormIssues;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      {ownsTitle ? <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} /> : null}
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {heading}
      </h2>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      {children}
    </section>
  );
}

/** The props every tasks form takes from its page. */
type FormProps = {
  lang: Lang;
  messages: Messages;
  /** The page's whole <title>, with "Error: " put before it while the form shows errors. */
  title: string;
  /** One form per page writes the page's <title> (the page gives no title in its metadata). */
  ownsTitle?: boolean;
  action: Action;
};

/** A progress report by the owner: text, documents, "this is the final report". */
export function ReportFormClient({
  lang,
  messages,
  title,
  ownsTitle = true,
  version,
  accept,
  action,
}: FormProps & { version: number; accept: string }) {
  const { t, state, formAction, pending, issues, errorPrefix } = useTaskForm(
    lang,
    messages,
    action,
    "report",
  );
  const values = state.values;
  const documentErrors = issues.messages("documents");
  return (
    <TaskFormFrame
      id="report"
      heading={t("tasks.report.heading")}
      title={title}
      ownsTitle={ownsTitle}
      errorPrefix={errorPrefix}
      issues={issues}
      t={t}
    >
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
    </TaskFormFrame>
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
}: FormProps & {
  version: number;
  agencies: AgencyOption[];
  officers: OfficerOption[];
  current: { ownerAgencyId: string; ownerUserId: string | null };
  /** The head of the owner agency changes the officer only. */
  agencyLocked: boolean;
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
    <TaskFormFrame
      id="reassign"
      heading={t("tasks.reassign.heading")}
      title={title}
      ownsTitle={ownsTitle}
      errorPrefix={errorPrefix}
      issues={issues}
      t={t}
    >
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="version" value={values.version ?? String(version)} />
        <OwnerFields
          idPrefix="reassign"
          labels={{
            agency: t("tasks.reassign.agency"),
            officer: t("tasks.reassign.officer"),
            officerHint: t("tasks.reassign.officerHint"),
            noOfficer: t("tasks.reassign.noOfficer"),
          }}
          issues={issues}
          errorPrefix={errorPrefix}
          agencies={shownAgencies}
          officers={officers}
          agencyValue={values.ownerAgencyId ?? current.ownerAgencyId}
          officerValue={
            values.ownerUserId ??
            (current.ownerUserId ? `${current.ownerAgencyId}:${current.ownerUserId}` : "")
          }
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
    </TaskFormFrame>
  );
}

/**
 * Tasks from a conclusion, several in one post: each with its title, details, owner agency and
 * officer, deadline. "Add another task" is a submit button (it works without JavaScript): the
 * server answers with what was typed and one more empty task.
 */
export function NewTaskFormClient({
  lang,
  messages,
  title,
  ownsTitle = true,
  agencies,
  officers,
  maxRows,
  action,
}: FormProps & {
  agencies: AgencyOption[];
  officers: OfficerOption[];
  /** The most tasks one post gives (lib/tasks/schema.ts maxTasksPerPost). */
  maxRows: number;
}) {
  const { t, state, formAction, pending, issues, errorPrefix } = useTaskForm(
    lang,
    messages,
    action,
    "task",
    (field, translate) => {
      const row = /^tasks\.(\d+)\./.exec(field);
      return row ? translate("tasks.new.rowLabel", { n: Number(row[1]) + 1 }) : undefined;
    },
  );
  const values = state.values;
  const rows = Math.min(maxRows, Math.max(1, Number(values.rows) || 1));
  return (
    <TaskFormFrame
      id="task"
      heading={t("tasks.new.formHeading")}
      intro={t("tasks.new.formHint")}
      title={title}
      ownsTitle={ownsTitle}
      errorPrefix={errorPrefix}
      issues={issues}
      t={t}
    >
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="rows" value={String(rows)} />
        {Array.from({ length: rows }, (_, index) => (
          <fieldset key={index} className={styles.taskRow} id={`task-${index}`}>
            <legend>{t("tasks.new.rowLabel", { n: index + 1 })}</legend>
            <TaskRowFields
              index={index}
              t={t}
              issues={issues}
              errorPrefix={errorPrefix}
              values={values}
              agencies={agencies}
              officers={officers}
            />
          </fieldset>
        ))}
        <div className="button-group">
          <Button disabled={pending} name="intent" value="create">
            {rows > 1 ? t("tasks.new.submitMany", { n: rows }) : t("tasks.new.submit")}
          </Button>
          {rows < maxRows ? (
            <Button variant="secondary" disabled={pending} name="intent" value="add">
              {t("tasks.new.addRow")}
            </Button>
          ) : null}
        </div>
      </form>
    </TaskFormFrame>
  );
}

/** One task's fields, named "tasks.<index>.<field>". */
function TaskRowFields({
  index,
  t,
  issues,
  errorPrefix,
  values,
  agencies,
  officers,
}: {
  index: number;
  t: Translate;
  issues: FormIssues;
  errorPrefix: string;
  values: Record<string, string>;
  agencies: AgencyOption[];
  officers: OfficerOption[];
}) {
  const field = `tasks.${index}.`;
  const id = `task-${index}`;
  return (
    <>
      <TextField
        id={`${id}-title`}
        name={`${field}title`}
        label={t("tasks.new.taskTitle")}
        defaultValue={values[`${field}title`] ?? ""}
        maxLength={500}
        error={issues.message(`${field}title`)}
        errorPrefix={errorPrefix}
      />
      <TextArea
        id={`${id}-details`}
        name={`${field}details`}
        label={t("tasks.new.details")}
        defaultValue={values[`${field}details`] ?? ""}
        maxLength={4000}
        error={issues.message(`${field}details`)}
        errorPrefix={errorPrefix}
      />
      <OwnerFields
        idPrefix={id}
        fieldPrefix={field}
        labels={{
          agency: t("tasks.new.agency"),
          agencyPlaceholder: t("tasks.new.agencyPlaceholder"),
          officer: t("tasks.new.officer"),
          officerHint: t("tasks.new.officerHint"),
          noOfficer: t("tasks.reassign.noOfficer"),
        }}
        issues={issues}
        errorPrefix={errorPrefix}
        agencies={agencies}
        officers={officers}
        agencyValue={values[`${field}ownerAgencyId`] ?? ""}
        officerValue={values[`${field}ownerUserId`] ?? ""}
      />
      <DeadlineFields
        idPrefix={id}
        fieldPrefix={field}
        t={t}
        issues={issues}
        errorPrefix={errorPrefix}
        values={values}
        legend={t("tasks.deadline.legend")}
      />
    </>
  );
}
