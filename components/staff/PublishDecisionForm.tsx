"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import { SummaryList } from "@/components/ui/SummaryList";
import type { PublishField } from "./staffForms";
import styles from "./staff.module.css";

/** Field ids on the page; a problem with the whole post links to "publish-title", the form's heading. */
const id = (field: string) => `publish-${field}`;

/** "Publish the decision" for a head of the competent agency, once the dossier is decided. */
export function PublishDecisionForm({
  title,
  today,
  version,
  action,
}: {
  /** the page title, to put "Error: " before it when the post fails */
  title: string;
  /** the local date, YYYY-MM-DD: the usual issue date */
  today: string;
  /** the dossier's version the page shows: publishing after someone changed it is a conflict */
  version: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useT("staff");
  const tc = useT("common");
  const tForms = useT("forms");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(() => new FormIssues(state, tForms, id), [state, tForms]);
  const values: Partial<Record<PublishField, string>> = state.values;
  const error = (field: PublishField) => issues.message(field);
  return (
    <section className={styles.action} aria-labelledby="publish-title">
      <ErrorTitle title={title} prefix={tc("errorTitlePrefix")} active={issues.any} />
      <h3 id="publish-title">{t("publish.title")}</h3>
      <p className={styles.description}>{t("publish.hint")}</p>
      <ErrorSummary title={tc("errorSummaryTitle")} errors={issues.links} />
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
        />
        <TextArea
          id={id("summaryVi")}
          name="summaryVi"
          lang="vi"
          rows={3}
          label={t("publish.summaryVi")}
          defaultValue={values.summaryVi ?? ""}
          error={error("summaryVi")}
        />
        <TextArea
          id={id("summaryEn")}
          name="summaryEn"
          lang="en"
          rows={3}
          label={t("publish.summaryEn")}
          defaultValue={values.summaryEn ?? ""}
          error={error("summaryEn")}
        />
        <Button disabled={pending}>{t("publish.submit")}</Button>
      </form>
    </section>
  );
}

/** The decision already in the public register, shown where the publish form was: it is published once. */
export function PublishedDecision({
  decision,
}: {
  /** values already formatted for the page's language */
  decision: { number: string; issuedOn: string; agency: string; summary: string; href: string };
}) {
  const t = useT("staff");
  return (
    <section className={styles.action} aria-labelledby="published-title">
      <h3 id="published-title">{t("published.title")}</h3>
      <SummaryList
        rows={[
          { key: t("published.number"), value: decision.number },
          { key: t("published.issuedOn"), value: decision.issuedOn },
          { key: t("published.agency"), value: decision.agency },
          { key: t("published.summary"), value: decision.summary },
        ]}
      />
      <p>
        <a href={decision.href}>{t("published.link")}</a>
      </p>
    </section>
  );
}
