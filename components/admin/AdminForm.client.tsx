"use client";

import { useMemo } from "react";
import * as z from "zod/mini";
import { agencySchema } from "@/lib/agencies/schema";
import { roleGrantSchema, staffAccountSchema } from "@/lib/identity/schema";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { useEnhancedForm } from "@/components/forms/useEnhancedForm";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { emptyFormState } from "@/components/forms/formState";
import { formHeading, type AdminFieldSpec, type AdminFormState, type AdminSchemaName } from "./adminForms";

const schemas = {
  agency: agencySchema,
  staffAccount: staffAccountSchema,
  roleGrant: roleGrantSchema,
  none: z.object({}),
};

/**
 * One administration form (agency, staff account, role, password reset): works without JavaScript
 * (a server action answers with an AdminFormState), checks the shared zod schema in the browser
 * first with it, keeps what was typed, and lists problems in a summary linked to the fields.
 */
export function AdminFormClient({
  messages,
  lang,
  title,
  heading,
  headingLevel = 2,
  intro,
  idPrefix,
  schema,
  fields,
  hidden = {},
  submit,
  variant,
  action,
  ownsTitle = true,
}: {
  messages: Messages;
  lang: Lang;
  /** The page's title, to put "Error: " before it when the post fails. */
  title: string;
  heading: string;
  headingLevel?: 1 | 2;
  intro?: string;
  /** Makes field ids unique when a page has several forms. */
  idPrefix: string;
  schema: AdminSchemaName;
  fields: AdminFieldSpec[];
  hidden?: Record<string, string>;
  submit: string;
  variant?: "primary" | "secondary" | "warning";
  action: (state: AdminFormState, data: FormData) => Promise<AdminFormState>;
  /** One form per page writes the page's <title> (with "Error: " when it fails). */
  ownsTitle?: boolean;
}) {
  const t = useMemo(() => translator(lang, messages, "admin"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const id = (field: string) =>
    field === formHeading ? `${idPrefix}-${formHeading}` : `${idPrefix}-${field}`;
  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    schemas[schema] as never,
    action as never,
    emptyFormState,
  );
  const answer = state as AdminFormState;
  const issues = useMemo(() => new FormIssues(shown, tForms, id), [shown, tForms]); // eslint-disable-line react-hooks/exhaustive-deps
  const errorPrefix = t("common:errorTitlePrefix");
  const Heading = headingLevel === 1 ? "h1" : "h2";
  // After a success the form starts afresh (a new account is not created twice by a second click).
  const value = (field: AdminFieldSpec) =>
    (answer.done ? field.value : (answer.values[field.name] ?? field.value)) ?? "";
  return (
    <section aria-labelledby={id(formHeading)} className="admin-form">
      {ownsTitle ? <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} /> : null}
      <Heading id={id(formHeading)} tabIndex={-1}>
        {heading}
      </Heading>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      {answer.done ? (
        <Notice tone="success">
          <p>{t(answer.done.message)}</p>
          {answer.done.secret ? (
            <p>
              {t("secret.label")} <strong className="secret">{answer.done.secret}</strong>
              <br />
              {t("secret.once")}
            </p>
          ) : null}
        </Notice>
      ) : null}
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        key={answer.done ? JSON.stringify(answer.done) : "form"}
      >
        {Object.entries(hidden).map(([name, hiddenValue]) => (
          <input key={name} type="hidden" name={name} value={hiddenValue} />
        ))}
        {fields.map((field) => {
          const common = {
            id: id(field.name),
            label: field.label,
            hint: field.hint,
            error: issues.message(field.name),
            errorPrefix,
            defaultValue: value(field),
            lang: field.lang,
            ...register(field.name),
          };
          if (field.kind === "select")
            return (
              <SelectField
                key={field.name}
                {...common}
                options={field.options ?? []}
                placeholder={field.placeholder}
              />
            );
          if (field.kind === "textarea") return <TextArea key={field.name} {...common} rows={3} />;
          return (
            <TextField
              key={field.name}
              {...common}
              type={field.kind}
              className={field.short || field.kind === "date" ? "input--short" : undefined}
              autoComplete={field.autoComplete}
              spellCheck={field.kind === "text" ? undefined : false}
            />
          );
        })}
        <Button variant={variant} disabled={pending}>
          {submit}
        </Button>
      </form>
    </section>
  );
}
