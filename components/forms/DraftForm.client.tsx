"use client";

import { singlePage } from "@/lib/forms/definition";
import { useMemo, useRef, useState } from "react";
import { maxFileBytes } from "@/lib/files/limits";
import { buildFormSchema } from "@/lib/forms/schema";
import type { FormField } from "@/lib/forms/types";
import type { Lang } from "@/lib/i18n/settings";
import { translator, type Messages } from "@/lib/i18n/messages";
import { Button } from "@/components/ui/Button";
import { FieldShell } from "@/components/ui/Field";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "./ErrorTitle";
import { FormIssues } from "./FormIssues";
import { ProcedureFields } from "./ProcedureFields";
import { answerId, documentField, fieldMessageParams } from "./ids";
import type { FormState } from "./formState";
import { useClearedFileInputs, useEnhancedForm } from "./useEnhancedForm";
import styles from "./forms.module.css";

/** What the browser can check before sending; the server checks the content again. */
const acceptedTypes = ["application/pdf", "image/jpeg", "image/png"];
const acceptedExtensions = /\.(pdf|jpe?g|png)$/i;

/** The error summary needs only the title, without the bracketed "when it applies". */
function shortName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const clause = name.split(/[;.(]/)[0]!.trim();
  return clause.length > 60 ? `${clause.slice(0, 57).trimEnd()}…` : clause;
}

export type DraftDocument = {
  key: string;
  name: string;
  required: boolean;
  hint: string;
  /** The document as published, in full: shown under the hint, closed. */
  description?: string;
  uploaded: { id: string; fileName: string; size: string }[];
};

/** Adds one file to the draft (a server action): with JavaScript, files go one per request. */
export type AddDraftFile = (
  data: FormData,
) => Promise<{ ok: true } | { ok: false; issues: Record<string, string[]> }>;

/**
 * The draft's question page: the procedure's fields and one file input per required document.
 * Without JavaScript everything is posted as one multipart form (the server refuses the files of a
 * post over the per-save limit, keeping the answers). With JavaScript the same schema is checked
 * first, the files are checked for type and size, then sent one per request (addFile) so no post
 * nears the limit, and only then are the answers saved.
 */
export function DraftFormClient({
  messages,
  lang,
  dossierId,
  heading,
  title,
  fields,
  documents,
  initial,
  action,
  addFile,
}: {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  dossierId: string;
  heading: string;
  title: string;
  fields: FormField[];
  documents: DraftDocument[];
  initial: FormState;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  addFile: AddDraftFile;
}) {
  const t = useMemo(() => translator(lang, messages, "dossiers"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const schema = useMemo(() => buildFormSchema(singlePage(fields)), [fields]);
  const formRef = useRef<HTMLFormElement>(null);

  function fileIssues(form: HTMLFormElement): Record<string, string[]> {
    const issues: Record<string, string[]> = {};
    for (const document of documents) {
      const input = form.elements.namedItem(documentField(document.key));
      const files = input instanceof HTMLInputElement && input.files ? [...input.files] : [];
      const list: string[] = [];
      for (const file of files) {
        if (file.size === 0) list.push(`dossiers:errors.empty::${file.name}`);
        else if (file.size > maxFileBytes) list.push(`dossiers:errors.file_too_large::${file.name}`);
        else if (!acceptedTypes.includes(file.type) && !acceptedExtensions.test(file.name))
          list.push(`dossiers:errors.file_type::${file.name}`);
      }
      if (document.required && document.uploaded.length === 0 && files.length === 0)
        list.push("errors.documentRequired");
      if (list.length > 0) issues[documentField(document.key)] = list;
    }
    return issues;
  }

  const [sending, setSending] = useState<string | null>(null);

  /** Sends each chosen file on its own and takes the files out of the post; returns refusals. */
  async function sendFilesOneByOne(data: FormData): Promise<Record<string, string[]>> {
    const chosen = documents.flatMap((document) =>
      data
        .getAll(documentField(document.key))
        .filter((value): value is File => value instanceof File && value.size > 0)
        .map((file) => ({ key: document.key, file })),
    );
    for (const document of documents) data.delete(documentField(document.key));
    const issues: Record<string, string[]> = {};
    for (const [index, { key, file }] of chosen.entries()) {
      setSending(t("draft.sendingFile", { current: index + 1, total: chosen.length, name: file.name }));
      const one = new FormData();
      one.set("lang", lang);
      one.set("dossierId", dossierId);
      one.set("documentKey", key);
      one.set("file", file);
      let refused: Record<string, string[]>;
      try {
        const result = await addFile(one);
        refused = result.ok ? {} : result.issues;
      } catch {
        refused = { [documentField(key)]: [`dossiers:errors.upload_failed::${file.name}`] };
      }
      for (const [field, list] of Object.entries(refused)) (issues[field] ??= []).push(...list);
    }
    setSending(null);
    // A refused file must be seen: the answers are saved, but the page stays.
    if (Object.keys(issues).length > 0 && data.get("intent") === "continue") data.set("intent", "stay");
    return issues;
  }

  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    schema,
    action,
    initial,
    fileIssues,
    sendFilesOneByOne,
  );

  useClearedFileInputs(formRef, state);

  const byName = useMemo(() => new Map(fields.map((field) => [field.name, field])), [fields]);
  const issues = useMemo(
    () =>
      new FormIssues(
        shown,
        tForms,
        (name) => (name.startsWith("doc_") ? name : answerId(name)),
        (name) => fieldMessageParams(byName.get(name)),
        (name) =>
          byName.get(name)?.label[lang] ??
          shortName(documents.find((document) => documentField(document.key) === name)?.name),
      ),
    [shown, tForms, byName, lang, documents],
  );
  const answerErrors = Object.fromEntries(fields.map((field) => [field.name, issues.message(field.name)]));

  // Conditional documents ("only in some cases") fold away so a phone shows what everyone needs
  // first; they open by themselves when one already has a file or an error.
  const requiredDocuments = documents.filter((document) => document.required);
  const optionalDocuments = documents.filter((document) => !document.required);
  const optionalOpen = optionalDocuments.some(
    (document) => document.uploaded.length > 0 || issues.messages(documentField(document.key)).length > 0,
  );
  const renderDocument = (document: (typeof documents)[number]) => {
    const id = documentField(document.key);
    const errors = issues.messages(id);
    return (
      <FieldShell
        key={document.key}
        id={id}
        label={document.required ? document.name : `${document.name} ${tForms("optional")}`}
        hint={document.hint}
        error={errors.length > 0 ? errors.join(". ") : undefined}
        errorPrefix={errorPrefix}
      >
        {document.description ? (
          <details className="small">
            <summary>
              {t("documents.details")}
              <span className="visually-hidden">: {document.name}</span>
            </summary>
            <p>{document.description}</p>
          </details>
        ) : null}
        {document.uploaded.length > 0 ? (
          <ul className={styles.files} aria-label={t("draft.uploaded")}>
            {document.uploaded.map((file) => (
              <li key={file.id}>
                <span className={styles.fileName}>{file.fileName}</span>{" "}
                <span className="muted small">({file.size})</span>{" "}
                <button
                  type="submit"
                  name="remove"
                  value={file.id}
                  className="link-button"
                  data-skip-validation=""
                  disabled={pending}
                >
                  {t("draft.remove")}
                  <span className="visually-hidden"> {file.fileName}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={id}
          name={id}
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          className={styles.fileInput}
          aria-describedby={[`${id}-hint`, "post-limit", errors.length > 0 ? `${id}-error` : null]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={errors.length > 0 ? true : undefined}
        />
      </FieldShell>
    );
  };

  return (
    <>
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <span className={styles.caption}>{heading}</span>
      <h1>{t("draft.title")}</h1>
      <p>{t("draft.intro")}</p>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="dossierId" value={dossierId} />
        {/* Enter in a field submits with the first button: make that Continue, never a Remove. */}
        <button
          type="submit"
          name="intent"
          value="continue"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
        >
          {t("common:actions.continue")}
        </button>
        <h2>{t("draft.answersTitle")}</h2>
        <ProcedureFields
          fields={fields}
          lang={lang}
          values={state.values}
          errors={answerErrors}
          errorPrefix={errorPrefix}
          t={tForms}
          register={register}
        />
        {documents.length > 0 ? (
          <>
            <h2>{t("draft.documentsTitle")}</h2>
            <p className="muted">{t("draft.documentsIntro")}</p>
            <p className="muted" id="post-limit">
              {t("draft.postLimit")}
            </p>
          </>
        ) : null}
        {requiredDocuments.map(renderDocument)}
        {optionalDocuments.length > 0 ? (
          <details className={styles.optionalDocuments} open={optionalOpen}>
            <summary>{t("draft.optionalDocuments", { count: optionalDocuments.length })}</summary>
            <p className="muted">{t("draft.optionalDocumentsHint")}</p>
            {optionalDocuments.map(renderDocument)}
          </details>
        ) : null}
        <p role="status" className="muted">
          {sending}
        </p>
        <Button name="intent" value="continue" disabled={pending}>
          {t("common:actions.continue")}
        </Button>
      </form>
    </>
  );
}
