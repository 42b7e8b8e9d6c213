"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { hoursFormFields, type HoursFormField } from "./fields";

const id = (field: string) => `hours-${field}`;

/** One agency's working hours; an empty field keeps the default, which its hint names. */
export function WorkingHoursFormClient({
  messages,
  lang,
  title,
  heading,
  agencyId,
  initial,
  defaults,
  action,
}: {
  messages: Messages;
  lang: Lang;
  title: string;
  heading: string;
  agencyId: string;
  /** what the agency set, "HH:MM" or empty */
  initial: Record<HoursFormField, string>;
  /** the defaults, "HH:MM" */
  defaults: Record<HoursFormField, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "calendar"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(() => new FormIssues(state, t, id), [state, t]);
  const values: Record<string, string> = { ...initial, ...state.values };
  return (
    <section aria-labelledby="hours-form">
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <h2 id="hours-form">{heading}</h2>
      <p>{t("hours.formHint")}</p>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="agencyId" value={agencyId} />
        {hoursFormFields.map((field) => (
          <TextField
            key={field}
            id={id(field)}
            name={field}
            type="time"
            className="input--short"
            label={t(`hours.${field}`)}
            hint={t("hours.clockHint", { value: defaults[field] })}
            defaultValue={values[field] ?? ""}
            error={issues.message(field)}
            errorPrefix={errorPrefix}
          />
        ))}
        <Button disabled={pending}>{t("hours.save")}</Button>
      </form>
    </section>
  );
}
