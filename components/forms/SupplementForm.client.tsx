"use client";

import { useMemo, useRef } from "react";
import * as z from "zod/mini";
import { supplementSchema } from "@/lib/dossiers/schema";
import { acceptAttribute } from "@/lib/files/types";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { FieldShell, TextArea } from "@/components/ui/Field";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "./ErrorTitle";
import { FormIssues } from "./FormIssues";
import { emptyFormState, type FormState } from "./formState";
import { useClearedFileInputs, useEnhancedForm } from "./useEnhancedForm";
import styles from "./forms.module.css";

const commentOnly = z.pick(supplementSchema, { comment: true });

/** The applicant's answer to a request for more documents: a comment and files per document. */
export function SupplementFormClient({
  messages,
  lang,
  code,
  dossierId,
  version,
  documents,
  limits,
  title,
  action,
}: {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  code: string;
  dossierId: string;
  version: number;
  /** One upload slot each: the documents the request names, or the procedure's when it names none. */
  documents: { key: string; name: string; required?: boolean; accept?: string; docx?: boolean }[];
  /** The limits, said next to the inputs before anything is sent (lib/files/limits). */
  limits: { fileMb: number; postMb: number; files: number };
  title: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "dossiers"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const formRef = useRef<HTMLFormElement>(null);
  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    commentOnly,
    action,
    emptyFormState,
  );
  useClearedFileInputs(formRef, state);
  const issues = useMemo(
    () =>
      new FormIssues(shown, tForms, (field) => (field.startsWith("doc_") ? field : `supplement-${field}`)),
    [shown, tForms],
  );
  return (
    <>
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="dossierId" value={dossierId} />
        <input type="hidden" name="version" value={version} />
        {documents.length > 0 ? (
          <p className="muted" id="supplement-post-limit">
            {t(documents.some((document) => document.docx) ? "limits.textDocx" : "limits.text", limits)}
          </p>
        ) : null}
        {documents.map((document) => {
          const id = `doc_${document.key}`;
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
                accept={document.accept ?? acceptAttribute()}
                className={styles.fileInput}
                aria-describedby={["supplement-post-limit", errors.length > 0 ? `${id}-error` : null]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={errors.length > 0 ? true : undefined}
              />
            </FieldShell>
          );
        })}
        <TextArea
          id="supplement-comment"
          label={t("supplement.comment")}
          hint={t("supplement.commentHint")}
          error={issues.message("comment")}
          errorPrefix={errorPrefix}
          defaultValue={state.values.comment}
          {...register("comment")}
        />
        <Button disabled={pending}>{t("supplement.submit")}</Button>
      </form>
    </>
  );
}
