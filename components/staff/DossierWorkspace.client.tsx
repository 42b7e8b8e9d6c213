"use client";

import { useActionState, useMemo, type ReactNode } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages, type Translate } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FieldShell, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { applicantViews } from "@/lib/dossiers/visibility";
import {
  actionsField,
  commentRequiredActions,
  fieldId,
  fileActions,
  isStaffFormAction,
  warningActions,
  type StaffFormAction,
} from "./staffForms";
import styles from "./staff.module.css";

type Props = {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  code: string;
  version: number;
  /** whether the time limit has started (before acceptance, asking for more stops no clock) */
  accepted: boolean;
  /** the page title, to put "Error: " before it when a post fails */
  title: string;
  allowed: StaffFormAction[];
  specialists: { id: string; name: string }[];
  /** What the new actions' forms need to say and offer. */
  details?: ActionDetails;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** breadcrumbs: above the messages */
  header: ReactNode;
  /** the page heading: below the messages, as the error summary comes first */
  heading: ReactNode;
  /** the success notice after the last action; hidden once a later post fails */
  notice?: ReactNode;
  /** the dossier itself, read-only */
  children: ReactNode;
  /** more forms under the actions (publishing the decision) */
  extra?: ReactNode;
  /** the decision already published for the dossier, shown under the actions */
  published?: ReactNode;
};

/** Already formatted for the page's language. */
export type ActionDetails = {
  /** Someone holds the dossier: "assign" reads as reassigning. */
  assigned: boolean;
  /** Agencies that may be consulted (not the dossier's own). */
  agencies: { id: string; name: string }[];
  /** The question of another agency this officer's agency answers. */
  consultation: { id: string; from: string; question: string } | null;
  /** The next agency of the chain and its share of the time limit. */
  nextAgency: { name: string; days: string } | null;
  /** The apology waiting for the head. */
  delay: { reason: string; newDueAt: string } | null;
  /** The earliest day an apology may propose (the day after the appointment), YYYY-MM-DD. */
  minDelayDate: string | null;
  /** The procedure's documents, to tick in a request for more. */
  procedureDocuments?: { key: string; name: string }[];
};

const noDetails: ActionDetails = {
  assigned: false,
  agencies: [],
  consultation: null,
  nextAgency: null,
  delay: null,
  minDelayDate: null,
};

/**
 * The staff dossier page around its forms. One form state for every form (its `form` names the action
 * whose form shows the values and field messages), so a message (a conflict, a refused transition)
 * stays on screen even when the fresh version no longer offers that form.
 */
export function DossierWorkspaceClient({
  messages,
  lang,
  code,
  version,
  accepted,
  title,
  allowed,
  specialists,
  details = noDetails,
  action,
  header,
  heading,
  notice,
  children,
  extra,
  published,
}: Props) {
  const t = useMemo(() => translator(lang, messages, "staff"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const form = isStaffFormAction(state.form) ? state.form : undefined;
  const issues = useMemo(
    () =>
      new FormIssues(state, tForms, (field) =>
        field === actionsField ? "actions-title" : form ? fieldId(form, field) : field,
      ),
    [state, tForms, form],
  );

  const forms = allowed.map((name) => (
    <ActionForm
      key={name}
      name={name}
      code={code}
      version={version}
      accepted={accepted}
      specialists={specialists}
      details={details}
      formAction={formAction}
      pending={pending}
      state={form === name ? state : emptyFormState}
      issues={form === name ? issues : null}
      t={t}
    />
  ));

  return (
    <>
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      {header}
      {issues.any ? null : notice}
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      {heading}
      {forms.length > 0 || extra || published ? (
        <p className={styles.jump}>
          <a href="#actions-title">{t("actions.jump")}</a>
        </p>
      ) : null}
      <div className="grid grid--2">
        <div>{children}</div>
        <aside className={styles.actions} aria-labelledby="actions-title">
          <h2 id="actions-title">{t("actions.title")}</h2>
          {forms.length > 0 || extra ? forms : <p>{t("actions.none")}</p>}
          {extra}
          {published}
        </aside>
      </div>
    </>
  );
}

function ActionForm({
  name,
  code,
  version,
  accepted,
  specialists,
  details,
  formAction,
  pending,
  state,
  issues,
  t,
}: {
  name: StaffFormAction;
  code: string;
  version: number;
  accepted: boolean;
  specialists: { id: string; name: string }[];
  details: ActionDetails;
  formAction: (formData: FormData) => void;
  pending: boolean;
  /** this form's state: what was typed after an error */
  state: FormState;
  /** this form's messages, when the last post was this form's */
  issues: FormIssues | null;
  /** The "staff" strings. */
  t: Translate;
}) {
  const errorPrefix = t("common:errorTitlePrefix");
  const values = state.values;
  const titleId = `${name}-title`;
  const commentRequired = commentRequiredActions.has(name);
  const hasHint = [
    "accept",
    "request_supplement",
    "refuse",
    "approve",
    "deny",
    "return_result",
    "stop",
    "consult",
    "propose_delay",
    "release",
  ].includes(name);
  const noSpecialists = name === "assign" && specialists.length === 0;
  const reassign = name === "assign" && details.assigned;
  const files = fileActions.has(name) ? issues?.messages("files") : undefined;
  return (
    <section className={styles.action} aria-labelledby={titleId}>
      <h3 id={titleId}>{t(reassign ? "actions.assign.reassignTitle" : `actions.${name}.title`)}</h3>
      {hasHint ? (
        <p className={styles.description}>
          {t(
            name === "request_supplement" && !accepted
              ? "actions.request_supplement.hintBeforeAcceptance"
              : `actions.${name}.hint`,
          )}
        </p>
      ) : null}
      {name === "transfer" && details.nextAgency ? (
        <p className={styles.description}>
          {t("actions.transfer.hint", { agency: details.nextAgency.name, days: details.nextAgency.days })}
        </p>
      ) : null}
      {name === "answer_consultation" && details.consultation ? (
        <div className={styles.description}>
          <p>{t("actions.answer_consultation.from", { agency: details.consultation.from })}</p>
          <blockquote className={styles.quote}>{details.consultation.question}</blockquote>
        </div>
      ) : null}
      {(name === "approve_delay" || name === "reject_delay") && details.delay ? (
        <p className={styles.description}>
          {t("actions.approve_delay.hint", { reason: details.delay.reason, date: details.delay.newDueAt })}
        </p>
      ) : null}
      {noSpecialists ? (
        <p>{t("actions.assign.noSpecialists")}</p>
      ) : (
        // A changed error state remounts the form, so what was typed comes back as its default.
        <form action={formAction} noValidate key={JSON.stringify(state)}>
          <input type="hidden" name="action" value={name} />
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="version" value={version} />
          {name === "assign" ? (
            <SelectField
              id={fieldId(name, "assigneeId")}
              name="assigneeId"
              label={t("actions.assign.assignee")}
              placeholder={t("actions.assign.choose")}
              options={specialists.map((s) => ({ value: s.id, label: s.name }))}
              defaultValue={values.assigneeId ?? ""}
              error={issues?.message("assigneeId")}
              errorPrefix={errorPrefix}
            />
          ) : null}
          {name === "propose" ? (
            <ActionRadios
              action="propose"
              name="proposal"
              options={["approve", "deny"]}
              labelKey="actions.propose.proposal"
              optionKey={(option) => `actions.propose.${option}`}
              value={values.proposal}
              error={issues?.message("proposal")}
              required
              t={t}
            />
          ) : null}
          {name === "consult" ? (
            <SelectField
              id={fieldId(name, "toAgencyId")}
              name="toAgencyId"
              label={t("actions.consult.agency")}
              placeholder={t("actions.consult.choose")}
              options={details.agencies.map((a) => ({ value: a.id, label: a.name }))}
              defaultValue={values.toAgencyId ?? ""}
              error={issues?.message("toAgencyId")}
              errorPrefix={errorPrefix}
            />
          ) : null}
          {name === "request_supplement" ? (
            <RequestedDocumentsFields
              documents={details.procedureDocuments ?? []}
              ticked={(values.documentKeys ?? "").split("\n").filter(Boolean)}
              other={values.otherDocuments ?? ""}
              keysError={issues?.message("documentKeys")}
              otherError={issues?.message("otherDocuments")}
              t={t}
            />
          ) : null}
          {name === "answer_consultation" && details.consultation ? (
            <input type="hidden" name="consultationId" value={details.consultation.id} />
          ) : null}
          {name === "propose_delay" ? (
            <TextField
              id={fieldId(name, "newDueDate")}
              name="newDueDate"
              type="date"
              className="input--short"
              label={t("actions.propose_delay.newDueDate")}
              hint={t("actions.propose_delay.newDueDateHint")}
              min={details.minDelayDate ?? undefined}
              defaultValue={values.newDueDate ?? ""}
              error={issues?.message("newDueDate")}
              errorPrefix={errorPrefix}
            />
          ) : null}
          {name === "return_result" ? (
            <>
              <ActionRadios
                action="return_result"
                name="method"
                options={["desk", "post", "online"]}
                labelKey="actions.return_result.method"
                optionKey={(option) => `actions.return_result.methods.${option}`}
                value={values.method ?? "desk"}
                error={issues?.message("method")}
                t={t}
              />
              <TextField
                id={fieldId(name, "trackingNumber")}
                name="trackingNumber"
                label={t("actions.return_result.trackingNumber")}
                hint={t("actions.return_result.trackingNumberHint")}
                maxLength={100}
                defaultValue={values.trackingNumber ?? ""}
                error={issues?.message("trackingNumber")}
                errorPrefix={errorPrefix}
              />
            </>
          ) : null}
          {fileActions.has(name) ? (
            <FieldShell
              id={fieldId(name, "files")}
              label={t(`actions.${name}.files`)}
              hint={t(`actions.${name}.filesHint`)}
              error={files && files.length > 0 ? files.join(". ") : undefined}
              errorPrefix={errorPrefix}
            >
              <input
                id={fieldId(name, "files")}
                name="files"
                type="file"
                multiple={name !== "return_result"}
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                aria-describedby={[
                  `${fieldId(name, "files")}-hint`,
                  files?.length ? `${fieldId(name, "files")}-error` : null,
                ]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={files?.length ? true : undefined}
              />
            </FieldShell>
          ) : null}
          <TextArea
            id={fieldId(name, "comment")}
            name="comment"
            label={commentRequired ? t(`actions.${name}.comment`) : t("actions.optionalNote")}
            hint={
              [
                "request_supplement",
                "refuse",
                "propose",
                "consult",
                "answer_consultation",
                "propose_delay",
              ].includes(name)
                ? t(`actions.${name}.commentHint`)
                : commentRequired
                  ? undefined
                  : // Who reads an optional note: lib/dossiers/visibility decides, the officer is told.
                    t(applicantViews[name].comment ? "actions.noteForApplicant" : "actions.noteInternal")
            }
            rows={commentRequired ? 4 : 2}
            maxLength={2000}
            required={commentRequired}
            defaultValue={values.comment ?? ""}
            error={issues?.message("comment")}
            errorPrefix={errorPrefix}
          />
          <Button variant={warningActions.has(name) ? "warning" : "primary"} disabled={pending}>
            {t(reassign ? "actions.assign.reassignSubmit" : `actions.${name}.submit`)}
          </Button>
        </form>
      )}
    </section>
  );
}

/**
 * The documents a request for more names: boxes for the procedure's own, and a box for names the
 * list lacks (one per line). The applicant's answer page offers one upload slot for each.
 */
function RequestedDocumentsFields({
  documents,
  ticked,
  other,
  keysError,
  otherError,
  t,
}: {
  documents: { key: string; name: string }[];
  ticked: string[];
  other: string;
  keysError?: string;
  otherError?: string;
  t: Translate;
}) {
  const id = fieldId("request_supplement", "documentKeys");
  const hintId = `${id}-hint`;
  return (
    <>
      {documents.length > 0 ? (
        <div className={keysError ? "field field--error" : "field"}>
          <fieldset
            className={styles.fieldset}
            aria-describedby={[hintId, keysError ? `${id}-error` : null].filter(Boolean).join(" ")}
          >
            <legend className="field__label">{t("actions.request_supplement.documents")}</legend>
            <span className="field__hint" id={hintId}>
              {t("actions.request_supplement.documentsHint")}
            </span>
            {keysError ? (
              <span className="field__error" id={`${id}-error`}>
                <ErrorPrefix text={t("common:errorTitlePrefix")} />
                {keysError}
              </span>
            ) : null}
            <div className="radios">
              {documents.map((document, index) => (
                <label className="radio" key={document.key}>
                  <input
                    type="checkbox"
                    name="documentKeys"
                    value={document.key}
                    id={index === 0 ? id : `${id}-${document.key}`}
                    defaultChecked={ticked.includes(document.key)}
                  />
                  {document.name}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      ) : null}
      <TextArea
        id={fieldId("request_supplement", "otherDocuments")}
        name="otherDocuments"
        label={t("actions.request_supplement.otherDocuments")}
        hint={t("actions.request_supplement.otherDocumentsHint")}
        rows={2}
        maxLength={4000}
        defaultValue={other}
        error={otherError}
        errorPrefix={t("common:errorTitlePrefix")}
      />
    </>
  );
}

/** One choice of an action's form as radios: a legend, its error, and one radio per option. */
function ActionRadios({
  action,
  name,
  options,
  labelKey,
  optionKey,
  value,
  error,
  required = false,
  t,
}: {
  action: StaffFormAction;
  name: string;
  options: readonly string[];
  labelKey: string;
  /** the message key of an option's label */
  optionKey: (option: string) => string;
  /** the option checked: what was posted, or the default */
  value?: string;
  /** already translated */
  error?: string;
  required?: boolean;
  t: Translate;
}) {
  const id = fieldId(action, name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset className={styles.fieldset} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="field__label">{t(labelKey)}</legend>
        {error ? (
          <span className="field__error" id={`${id}-error`}>
            <ErrorPrefix text={t("common:errorTitlePrefix")} />
            {error}
          </span>
        ) : null}
        <div className="radios">
          {options.map((option, index) => (
            <label className="radio" key={option}>
              <input
                type="radio"
                name={name}
                value={option}
                id={index === 0 ? id : `${id}-${option}`}
                defaultChecked={value === option}
                required={required}
              />
              {t(optionKey(option))}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
