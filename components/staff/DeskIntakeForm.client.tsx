"use client";

import { singlePage } from "@/lib/forms/definition";
import { useCallback, useMemo, useRef } from "react";
import { buildFormSchema } from "@/lib/forms/schema";
import type { FormField, FormPage } from "@/lib/forms/types";
import type { Answers } from "@/lib/forms/flow";
import { fieldAtKey, issueAnchor } from "@/lib/forms/posted";
import { deskAnswersKey } from "@/lib/dossiers/deskForm";
import { FormPageFields, type Lookups } from "@/components/forms/fields/FormPageFields";
import type { Lang } from "@/lib/i18n/settings";
import { translator, type Messages } from "@/lib/i18n/messages";
import { Button } from "@/components/ui/Button";
import { FieldShell, SelectField, TextArea } from "@/components/ui/Field";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { ProcedureFields } from "@/components/forms/ProcedureFields";
import { answerId, documentField, fieldMessageParams } from "@/components/forms/ids";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { useClearedFileInputs, useEnhancedForm } from "@/components/forms/useEnhancedForm";
import formStyles from "@/components/forms/forms.module.css";

export type IntakeDocument = { key: string; name: string; required: boolean };

/**
 * The desk intake form: who the applicant is, where the dossier is handled, the procedure's own
 * questions and the scanned documents, received and accepted with one button. Without JavaScript
 * it posts as one multipart form; with it, the same schema is checked in the browser first. Files
 * are not kept after a refused post (a browser cannot refill a file input): the summary says so.
 */
export function DeskIntakeFormClient({
  messages,
  lang,
  procedureCode,
  applicantFields,
  pages,
  lookups,
  places,
  documents,
  title,
  action,
}: {
  messages: Messages;
  lang: Lang;
  procedureCode: string;
  applicantFields: FormField[];
  /** The procedure's own questions (deskFormPages), filled in from the paper declaration. */
  pages: FormPage[];
  lookups: Lookups;
  places: { id: string; name: string }[];
  documents: IntakeDocument[];
  title: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "staff"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const formRef = useRef<HTMLFormElement>(null);
  // The browser checks the applicant's details; the procedure's questions are checked by the server.
  const schema = useMemo(() => buildFormSchema(singlePage(applicantFields)), [applicantFields]);

  function fileIssues(form: HTMLFormElement): Record<string, string[]> {
    const issues: Record<string, string[]> = {};
    for (const document of documents) {
      const input = form.elements.namedItem(documentField(document.key));
      const chosen = input instanceof HTMLInputElement && input.files ? input.files.length : 0;
      if (document.required && chosen === 0)
        issues[documentField(document.key)] = ["errors.documentRequired"];
    }
    return issues;
  }

  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    schema,
    action,
    emptyFormState,
    fileIssues,
  );
  useClearedFileInputs(formRef, state);

  const byName = useMemo(
    () => new Map(applicantFields.map((field) => [field.name, field])),
    [applicantFields],
  );
  const answers = useMemo((): Answers => {
    try {
      return JSON.parse(state.values[deskAnswersKey] ?? "{}") as Answers;
    } catch {
      return {};
    }
  }, [state.values]);
  const pageOf = useCallback((key: string) => pages.find((page) => fieldAtKey(page, key)), [pages]);
  const issues = useMemo(
    () =>
      new FormIssues(
        shown,
        tForms,
        (name) =>
          name.startsWith("doc_")
            ? name
            : name === "competentAgencyId" || name === "main"
              ? name
              : byName.has(name)
                ? answerId(name)
                : issueAnchor(pageOf(name) ?? { id: "", title: { vi: "", en: "" }, fields: [] }, name),
        (name) => fieldMessageParams(byName.get(name)),
        (name) =>
          byName.get(name)?.label[lang] ??
          (pageOf(name) ? fieldAtKey(pageOf(name)!, name)?.field.label[lang] : undefined) ??
          documents.find((document) => documentField(document.key) === name)?.name ??
          (name === "competentAgencyId" ? t("intake.place") : undefined),
      ),
    [shown, tForms, byName, lang, documents, t, pageOf],
  );
  const procedureIssues = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(shown.issues).filter(([key]) => pages.some((page) => fieldAtKey(page, key))),
      ),
    [shown, pages],
  );
  const errorsOf = (list: FormField[]) =>
    Object.fromEntries(list.map((field) => [field.name, issues.message(field.name)]));
  const anyFileIssue = documents.some((document) => issues.messages(documentField(document.key)).length > 0);

  return (
    <>
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <h1>{t("intake.title")}</h1>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate encType="multipart/form-data">
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="procedureCode" value={procedureCode} />
        <h2 id="main">{t("intake.applicantTitle")}</h2>
        <p className="muted">{t("intake.applicantIntro")}</p>
        <ProcedureFields
          fields={applicantFields}
          lang={lang}
          values={state.values}
          errors={errorsOf(applicantFields)}
          errorPrefix={errorPrefix}
          t={tForms}
          register={register}
        />
        {places.length > 1 ? (
          <SelectField
            id="competentAgencyId"
            name="competentAgencyId"
            label={t("intake.place")}
            hint={t("intake.placeHint")}
            placeholder={tForms("choose")}
            options={places.map((place) => ({ value: place.id, label: place.name }))}
            defaultValue={state.values.competentAgencyId ?? ""}
            error={issues.message("competentAgencyId")}
            errorPrefix={errorPrefix}
          />
        ) : null}
        <h2>{t("intake.answersTitle")}</h2>
        {pages.map((page) => (
          <fieldset key={page.id} className={formStyles.fieldset}>
            <legend>
              <h3>{page.title[lang]}</h3>
            </legend>
            <FormPageFields
              page={page}
              answers={answers}
              issues={procedureIssues}
              lang={lang}
              messages={messages}
              lookups={lookups}
              pageHeading={false}
            />
          </fieldset>
        ))}
        {documents.length > 0 ? <h2>{t("intake.documentsTitle")}</h2> : null}
        {documents.length > 0 ? (
          <p className="muted" id="intake-files-hint">
            {anyFileIssue || issues.any ? t("intake.chooseAgain") : t("intake.documentsIntro")}
          </p>
        ) : null}
        {documents.map((document) => {
          const id = documentField(document.key);
          const errors = issues.messages(id);
          return (
            <FieldShell
              key={document.key}
              id={id}
              label={document.required ? document.name : `${document.name} ${tForms("optional")}`}
              error={errors.length > 0 ? errors.join(". ") : undefined}
              errorPrefix={errorPrefix}
            >
              <input
                id={id}
                name={id}
                type="file"
                multiple
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                className={formStyles.fileInput}
                aria-describedby={["intake-files-hint", errors.length > 0 ? `${id}-error` : null]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={errors.length > 0 ? true : undefined}
              />
            </FieldShell>
          );
        })}
        <TextArea
          id="intake-comment"
          name="comment"
          label={`${t("intake.comment")} ${tForms("optional")}`}
          hint={t("intake.commentHint")}
          defaultValue={state.values.comment}
          maxLength={2000}
        />
        <Button disabled={pending}>{t("intake.submit")}</Button>
      </form>
    </>
  );
}
