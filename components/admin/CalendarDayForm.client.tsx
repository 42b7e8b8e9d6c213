"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextField } from "@/components/ui/Field";
import type { CalendarDayField } from "./fields";

/** Field ids on the page; a problem with the whole post links to the form's heading. */
const id = (field: string) => `day-${field}`;

/** Add a day to the calendar, or change one (the date is the key), with its legal source. */
export function CalendarDayFormClient({
  messages,
  lang,
  title,
  heading,
  initial,
  kinds,
  action,
}: {
  messages: Messages;
  lang: Lang;
  /** the page title, to put "Error: " before it when the post fails */
  title: string;
  heading: string;
  /** the day being changed, or empty fields to add one */
  initial: Partial<Record<CalendarDayField, string>>;
  kinds: readonly string[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "calendar"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(() => new FormIssues(state, t, id), [state, t]);
  const values: Partial<Record<CalendarDayField, string>> = { ...initial, ...state.values };
  const error = (field: CalendarDayField) => issues.message(field);
  return (
    <section aria-labelledby="day-form">
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <h2 id="day-form">{heading}</h2>
      <p>{t("calendar.formHint")}</p>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <TextField
          id={id("date")}
          name="date"
          type="date"
          className="input--short"
          label={t("calendar.date")}
          defaultValue={values.date ?? ""}
          error={error("date")}
          errorPrefix={errorPrefix}
        />
        <SelectField
          id={id("kind")}
          name="kind"
          label={t("calendar.kind")}
          defaultValue={values.kind ?? ""}
          placeholder=""
          options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          error={error("kind")}
          errorPrefix={errorPrefix}
        />
        <TextField
          id={id("name")}
          name="name"
          lang="vi"
          label={t("calendar.name")}
          hint={t("calendar.nameHint")}
          defaultValue={values.name ?? ""}
          maxLength={200}
          error={error("name")}
          errorPrefix={errorPrefix}
        />
        <TextField
          id={id("source")}
          name="source"
          lang="vi"
          label={t("calendar.source")}
          hint={t("calendar.sourceHint")}
          defaultValue={values.source ?? ""}
          maxLength={300}
          error={error("source")}
          errorPrefix={errorPrefix}
        />
        <Button disabled={pending}>{t("calendar.save")}</Button>
      </form>
    </section>
  );
}
