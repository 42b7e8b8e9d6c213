"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import type { PublishField } from "./staffForms";
import styles from "./staff.module.css";

/** Field ids on the page; a problem with the whole post links to "publish-title", the form's heading. */
const id = (field: string) => `publish-${field}`;

/** "Publish the decision" for a head of the competent agency, once the dossier is decided. */
export function PublishDecisionFormClient({
  messages,
  lang,
  title,
  today,
  version,
  action,
}: {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  /** the page title, to put "Error: " before it when the post fails */
  title: string;
  /** the local date, YYYY-MM-DD: the usual issue date */
  today: string;
  /** the dossier's version the page shows: publishing after someone changed it is a conflict */
  version: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "staff"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(() => new FormIssues(state, tForms, id), [state, tForms]);
  const values: Partial<Record<PublishField, string>> = state.values;
  const error = (field: PublishField) => issues.message(field);
  return (
    <section className={styles.action} aria-labelledby="publish-title">
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <h3 id="publish-title">{t("publish.title")}</h3>
      <p className={styles.description}>{t("publish.hint")}</p>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="version" value={version} />
        <TextField
          id={id("number")}
          name="number"
          label={t("publish.number")}
          hint={t("publish.numberHint")}
          defaultValue={values.number ?? ""}
          maxLength={100}
          error={error("number")}
          errorPrefix={errorPrefix}
        />
        <TextField
          id={id("issuedOn")}
          name="issuedOn"
          type="date"
          className="input--short"
          label={t("publish.issuedOn")}
          defaultValue={values.issuedOn ?? today}
          max={today}
          error={error("issuedOn")}
          errorPrefix={errorPrefix}
        />
        <TextArea
          id={id("summaryVi")}
          name="summaryVi"
          lang="vi"
          rows={3}
          label={t("publish.summaryVi")}
          defaultValue={values.summaryVi ?? ""}
          error={error("summaryVi")}
          errorPrefix={errorPrefix}
        />
        <TextArea
          id={id("summaryEn")}
          name="summaryEn"
          lang="en"
          rows={3}
          label={t("publish.summaryEn")}
          defaultValue={values.summaryEn ?? ""}
          error={error("summaryEn")}
          errorPrefix={errorPrefix}
        />
        <Button disabled={pending}>{t("publish.submit")}</Button>
      </form>
    </section>
  );
}
