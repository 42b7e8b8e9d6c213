"use client";

import { useActionState, useMemo } from "react";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

export type ImportState = { error: string | null; problems: string[] };

/** The catalogue file upload: a plain multipart post (works without JavaScript), its problems listed. */
export function CatalogueImportForm({
  lang,
  messages,
  action,
}: {
  lang: Lang;
  messages: Messages;
  action: (state: ImportState, data: FormData) => Promise<ImportState>;
}) {
  const t = useMemo(() => translator(lang, messages, "admin"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, { error: null, problems: [] });
  const message = state.error ? t(`procedures.import.errors.${state.error}`) : undefined;
  return (
    <form action={formAction} encType="multipart/form-data" className="admin-form">
      <ErrorSummary
        title={t("common:errorSummaryTitle")}
        errors={message ? [{ href: "#catalogue-file", message }] : []}
      />
      <div className={message ? "field field--error" : "field"}>
        <label className="field__label" htmlFor="catalogue-file">
          {t("procedures.import.label")}
        </label>
        <p className="field__hint" id="catalogue-file-hint">
          {t("procedures.import.hint")}
        </p>
        {message ? (
          <p className="field__error" id="catalogue-file-error">
            <span className="visually-hidden">{t("common:errorTitlePrefix")}</span> {message}
          </p>
        ) : null}
        <input
          id="catalogue-file"
          name="file"
          type="file"
          accept="application/json,.json"
          className="input"
          aria-describedby={message ? "catalogue-file-hint catalogue-file-error" : "catalogue-file-hint"}
        />
      </div>
      {state.problems.length > 0 ? (
        <ul className="import-problems">
          {state.problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("procedures.import.submit")}
      </button>
    </form>
  );
}
