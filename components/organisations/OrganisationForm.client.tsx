"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { Button } from "@/components/ui/Button";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { ErrorSummary, type ErrorLink } from "@/components/ui/ErrorSummary";
import { SelectField, TextField, type SelectOption } from "@/components/ui/Field";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";

export type TextSpec = {
  kind: "text";
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "tel";
  autoComplete?: string;
  inputMode?: "numeric" | "email" | "tel" | "text";
  spellCheck?: boolean;
  initial?: string;
};
export type RadiosSpec = {
  kind: "radios";
  name: string;
  label: string;
  options: { value: string; label: string; hint?: string }[];
  initial?: string;
};
/** A list to choose from; options with a `group` are shown under it (communes under their province). */
export type SelectSpec = {
  kind: "select";
  name: string;
  label: string;
  hint?: string;
  emptyLabel: string;
  options: SelectOption[];
  initial?: string;
};
export type FieldSpec = TextSpec | RadiosSpec | SelectSpec;

/** Where a field's error links to: a group of radios links to its first choice. */
function idOf(fields: FieldSpec[], field: string): string {
  const spec = fields.find((f) => f.name === field);
  if (spec?.kind === "radios") return `${field}-${spec.options[0]?.value ?? ""}`;
  if (spec || fields.length === 0) return field;
  return idOf(fields, fields[0]!.name);
}

/**
 * An organisation page's form (register, particulars, invite): plain inputs posted to a server
 * action, so it works without JavaScript; a refused post comes back with what was typed, each
 * message beside its field and, linked, in the error summary; the page's title says "Error".
 */
export function OrganisationFormClient({
  messages,
  lang,
  title,
  heading,
  lead,
  fields,
  submitLabel,
  submitId,
  action,
  otherErrors = [],
}: {
  messages: Messages;
  lang: Lang;
  /** The page's <title> (this form owns it). */
  title: string;
  heading?: string;
  lead?: string;
  fields: FieldSpec[];
  submitLabel: string;
  /** The button's id (a form without fields links its error to the button). */
  submitId?: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** Errors of the page's other small forms (e.g. a role change refused), shown in the same summary. */
  otherErrors?: ErrorLink[];
}) {
  const t = useMemo(() => translator(lang, messages, "organisations"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(
    () => new FormIssues(state, tForms, (field) => idOf(fields, field)),
    [state, tForms, fields],
  );
  const sent = Object.keys(state.values).length > 0;
  const valueOf = (spec: FieldSpec) => (sent ? (state.values[spec.name] ?? "") : (spec.initial ?? ""));
  const errors = [...otherErrors, ...issues.links];
  const headingId = heading ? `${fields[0]?.name ?? "form"}-heading` : undefined;
  return (
    <section aria-labelledby={headingId}>
      <ErrorTitle title={title} prefix={errorPrefix} active={errors.length > 0} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={errors} />
      {heading ? <h2 id={headingId}>{heading}</h2> : null}
      {lead ? <p>{lead}</p> : null}
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        {fields.map((spec) => {
          const error = issues.message(spec.name);
          if (spec.kind === "text")
            return (
              <TextField
                key={spec.name}
                id={spec.name}
                name={spec.name}
                type={spec.type ?? "text"}
                label={spec.label}
                hint={spec.hint}
                error={error}
                errorPrefix={errorPrefix}
                defaultValue={valueOf(spec)}
                autoComplete={spec.autoComplete}
                inputMode={spec.inputMode}
                spellCheck={spec.spellCheck}
              />
            );
          if (spec.kind === "select")
            return (
              <SelectField
                key={spec.name}
                id={spec.name}
                name={spec.name}
                label={spec.label}
                hint={spec.hint}
                error={error}
                errorPrefix={errorPrefix}
                placeholder={spec.emptyLabel}
                options={spec.options}
                defaultValue={valueOf(spec)}
              />
            );
          const chosen = valueOf(spec);
          return (
            <div key={spec.name} className={error ? "field field--error" : "field"}>
              <fieldset aria-describedby={error ? `${spec.name}-error` : undefined}>
                <legend className="field__label">{spec.label}</legend>
                {error ? (
                  <span className="field__error" id={`${spec.name}-error`}>
                    <ErrorPrefix text={errorPrefix} />
                    {error}
                  </span>
                ) : null}
                <div className="radios">
                  {spec.options.map((option) => (
                    <label className="radio" key={option.value} htmlFor={`${spec.name}-${option.value}`}>
                      <input
                        type="radio"
                        id={`${spec.name}-${option.value}`}
                        name={spec.name}
                        value={option.value}
                        defaultChecked={chosen === option.value}
                        aria-describedby={option.hint ? `${spec.name}-${option.value}-hint` : undefined}
                      />
                      <span>
                        {option.label}
                        {option.hint ? (
                          <span className="field__hint" id={`${spec.name}-${option.value}-hint`}>
                            {option.hint}
                          </span>
                        ) : null}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          );
        })}
        <Button disabled={pending} id={submitId}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
