"use client";

import { useActionState, useMemo, type ReactNode } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages, type Translate } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea } from "@/components/ui/Field";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { applicantViews } from "@/lib/dossiers/visibility";
import { actionsField, fieldId, isStaffFormAction, warningActions, type StaffFormAction } from "./staffForms";
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
  const commentRequired = ["request_supplement", "refuse", "propose", "deny", "stop"].includes(name);
  const hasHint = [
    "accept",
    "request_supplement",
    "refuse",
    "approve",
    "deny",
    "return_result",
    "stop",
  ].includes(name);
  const noSpecialists = name === "assign" && specialists.length === 0;
  return (
    <section className={styles.action} aria-labelledby={titleId}>
      <h3 id={titleId}>{t(`actions.${name}.title`)}</h3>
      {hasHint ? (
        <p className={styles.description}>
          {t(
            name === "request_supplement" && !accepted
              ? "actions.request_supplement.hintBeforeAcceptance"
              : `actions.${name}.hint`,
          )}
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
            <ProposalRadios value={values.proposal} error={issues?.message("proposal")} t={t} />
          ) : null}
          <TextArea
            id={fieldId(name, "comment")}
            name="comment"
            label={commentRequired ? t(`actions.${name}.comment`) : t("actions.optionalNote")}
            hint={
              ["request_supplement", "refuse", "propose"].includes(name)
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
            {t(`actions.${name}.submit`)}
          </Button>
        </form>
      )}
    </section>
  );
}

function ProposalRadios({
  value,
  error,
  t,
}: {
  value?: string;
  /** already translated */
  error?: string;
  t: Translate;
}) {
  const id = fieldId("propose", "proposal");
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset className={styles.fieldset} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="field__label">{t("actions.propose.proposal")}</legend>
        {error ? (
          <span className="field__error" id={`${id}-error`}>
            <ErrorPrefix text={t("common:errorTitlePrefix")} />
            {error}
          </span>
        ) : null}
        <div className="radios">
          {(["approve", "deny"] as const).map((option, index) => (
            <label className="radio" key={option}>
              <input
                type="radio"
                name="proposal"
                value={option}
                id={index === 0 ? id : `${id}-${option}`}
                defaultChecked={value === option}
                required
              />
              {t(`actions.propose.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
