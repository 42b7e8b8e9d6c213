"use client";

import { useActionState, useMemo } from "react";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "@/components/ui/Field";

/** A field of a workspace form, its words already in the page's language. */
export type WorkspaceFieldSpec = {
  name: string;
  kind: "text" | "number" | "textarea" | "select" | "radios" | "password" | "file" | "email" | "checkbox";
  label: string;
  hint?: string;
  value?: string;
  options?: { value: string; label: string; hint?: string }[];
  placeholder?: string;
  multiple?: boolean;
  accept?: string;
  autoComplete?: string;
  rows?: number;
};

export const workspaceFormHeading = "form-title";

/**
 * One form of the officials' workspace: a plain form posting to a server action (works with
 * JavaScript off), keeping what was typed (never a password or a file), with an error summary
 * linked to the fields. The service checks everything; there is no check in the browser.
 */
export function WorkspaceFormClient({
  messages,
  lang,
  title,
  heading,
  headingLevel = 2,
  intro,
  idPrefix,
  fields,
  hidden = {},
  submit,
  variant,
  action,
  ownsTitle = false,
}: {
  messages: Messages;
  lang: Lang;
  title?: string;
  heading: string;
  headingLevel?: 1 | 2 | 3;
  intro?: string;
  idPrefix: string;
  fields: WorkspaceFieldSpec[];
  hidden?: Record<string, string>;
  submit: string;
  variant?: "primary" | "secondary" | "warning";
  action: (state: FormState, data: FormData) => Promise<FormState>;
  ownsTitle?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const t = useMemo(() => translator(lang, messages, "workspace"), [lang, messages]);
  const id = (field: string) => `${idPrefix}-${field}`;
  const issues = new FormIssues(state, t, id);
  const errorPrefix = t("common:errorTitlePrefix");
  const Heading = headingLevel === 1 ? "h1" : headingLevel === 3 ? "h3" : "h2";
  const value = (field: WorkspaceFieldSpec) => state.values[field.name] ?? field.value ?? "";
  return (
    <section aria-labelledby={id(workspaceFormHeading)} className="workspace-form">
      {ownsTitle && title ? <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} /> : null}
      <Heading id={id(workspaceFormHeading)} tabIndex={-1}>
        {heading}
      </Heading>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate>
        {Object.entries(hidden).map(([name, hiddenValue]) => (
          <input key={name} type="hidden" name={name} value={hiddenValue} />
        ))}
        {fields.map((field) => {
          const error = issues.message(field.name);
          const common = {
            id: id(field.name),
            name: field.name,
            label: field.label,
            hint: field.hint,
            error,
            errorPrefix,
          };
          if (field.kind === "select")
            return (
              <SelectField
                key={`${field.name}-${state.values[field.name] ?? ""}`}
                {...common}
                defaultValue={value(field)}
                options={field.options ?? []}
                placeholder={field.placeholder}
              />
            );
          if (field.kind === "textarea")
            return (
              <TextArea
                key={`${field.name}-${state.values[field.name] ?? ""}`}
                {...common}
                defaultValue={value(field)}
                rows={field.rows ?? 4}
              />
            );
          if (field.kind === "radios" || field.kind === "checkbox") {
            const chosen = value(field);
            const hintId = field.hint ? `${id(field.name)}-hint` : null;
            const errorId = error ? `${id(field.name)}-error` : null;
            return (
              <div key={`${field.name}-${chosen}`} className={error ? "field field--error" : "field"}>
                <fieldset
                  id={id(field.name)}
                  aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
                >
                  <legend>{field.label}</legend>
                  {field.hint ? (
                    <span className="field__hint" id={hintId!}>
                      {field.hint}
                    </span>
                  ) : null}
                  {error ? (
                    <span className="field__error" id={errorId!}>
                      <ErrorPrefix text={errorPrefix} />
                      {error}
                    </span>
                  ) : null}
                  <div className="radios">
                    {(field.options ?? []).map((option) => (
                      <div className="radio" key={option.value}>
                        <input
                          type={field.kind === "checkbox" ? "checkbox" : "radio"}
                          id={`${id(field.name)}-${option.value}`}
                          name={field.name}
                          value={option.value}
                          defaultChecked={chosen === option.value}
                        />
                        <label htmlFor={`${id(field.name)}-${option.value}`}>
                          {option.label}
                          {option.hint ? <span className="field__hint">{option.hint}</span> : null}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            );
          }
          if (field.kind === "file")
            return (
              <TextField
                key={field.name}
                {...common}
                type="file"
                multiple={field.multiple}
                accept={field.accept}
                className="input--file"
              />
            );
          return (
            <TextField
              key={`${field.name}-${field.kind === "password" ? "" : (state.values[field.name] ?? "")}`}
              {...common}
              type={field.kind === "number" ? "text" : field.kind}
              inputMode={field.kind === "number" ? "numeric" : undefined}
              className={field.kind === "number" ? "input--short" : undefined}
              defaultValue={field.kind === "password" ? undefined : value(field)}
              autoComplete={
                field.autoComplete ?? (field.kind === "password" ? "current-password" : undefined)
              }
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
