"use client";

import { useActionState, useMemo } from "react";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "./ErrorTitle";
import { FormIssues } from "./FormIssues";
import { emptyFormState, type FormState } from "./formState";

/** "Start": asks where to file when several agencies do the procedure, then opens a draft. */
export function StartDraftFormClient({
  messages,
  lang,
  procedureCode,
  places,
  title,
  action,
  children,
}: {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  procedureCode: string;
  /** One per competent agency; a choice is asked only when there is more than one. */
  places: { id: string; name: string; receivingName: string | null }[];
  title: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** The page's heading and what-you-need text, under the error summary. */
  children: React.ReactNode;
}) {
  const t = useMemo(() => translator(lang, messages, "dossiers"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(
    () =>
      new FormIssues(state, tForms, (field) =>
        field === "competentAgencyId" ? `agency-${places[0]?.id ?? ""}` : field,
      ),
    [state, tForms, places],
  );
  const agencyError = issues.message("competentAgencyId");
  return (
    <>
      <ErrorTitle title={title} prefix={t("common:errorTitlePrefix")} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      {children}
      <form action={formAction} noValidate>
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="procedureCode" value={procedureCode} />
        {places.length > 1 ? (
          <div className={agencyError ? "field field--error" : "field"}>
            <fieldset aria-describedby={agencyError ? "agency-error" : "agency-hint"}>
              <legend>{t("new.whereTitle")}</legend>
              <span className="field__hint" id="agency-hint">
                {t("new.whereHint")}
              </span>
              {agencyError ? (
                <span className="field__error" id="agency-error">
                  <ErrorPrefix text={t("common:errorTitlePrefix")} />
                  {agencyError}
                </span>
              ) : null}
              <div className="radios">
                {places.map((place) => (
                  <label className="radio" key={place.id} htmlFor={`agency-${place.id}`}>
                    <input type="radio" id={`agency-${place.id}`} name="competentAgencyId" value={place.id} />
                    <span>
                      {place.name}
                      {place.receivingName ? (
                        <span className="field__hint">
                          {t("new.receivedBy", { agency: place.receivingName })}
                        </span>
                      ) : null}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        <Button id="start" variant="start" disabled={pending}>
          {t("new.start")}
        </Button>
      </form>
    </>
  );
}
