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
  organisations = [],
  applicantName = "",
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
  /** The organisations the applicant may file this procedure for: asks "Who is this for?" when any. */
  organisations?: { id: string; name: string }[];
  applicantName?: string;
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
        field === "competentAgencyId"
          ? `agency-${places[0]?.id ?? ""}`
          : field === "forWhom"
            ? "forWhom-self"
            : field,
      ),
    [state, tForms, places],
  );
  const agencyError = issues.message("competentAgencyId");
  const forWhomError = issues.message("forWhom");
  return (
    <>
      <ErrorTitle title={title} prefix={t("common:errorTitlePrefix")} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      {children}
      <form action={formAction} noValidate key={JSON.stringify(state.values)}>
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="procedureCode" value={procedureCode} />
        {organisations.length > 0 ? (
          <div className={forWhomError ? "field field--error" : "field"}>
            <input type="hidden" name="askedForWhom" value="1" />
            <fieldset aria-describedby={forWhomError ? "forWhom-hint forWhom-error" : "forWhom-hint"}>
              <legend>{t("organisations:forWhom.title")}</legend>
              <span className="field__hint" id="forWhom-hint">
                {t("organisations:forWhom.hint")}
              </span>
              {forWhomError ? (
                <span className="field__error" id="forWhom-error">
                  <ErrorPrefix text={t("common:errorTitlePrefix")} />
                  {forWhomError}
                </span>
              ) : null}
              <div className="radios">
                <label className="radio" htmlFor="forWhom-self">
                  <input
                    type="radio"
                    id="forWhom-self"
                    name="forWhom"
                    value="self"
                    defaultChecked={state.values.forWhom === "self"}
                  />
                  <span>{t("organisations:forWhom.self", { name: applicantName })}</span>
                </label>
                {organisations.map((organisation) => (
                  <label className="radio" key={organisation.id} htmlFor={`forWhom-${organisation.id}`}>
                    <input
                      type="radio"
                      id={`forWhom-${organisation.id}`}
                      name="forWhom"
                      value={organisation.id}
                      defaultChecked={state.values.forWhom === organisation.id}
                    />
                    <span>{organisation.name}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
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
                    <input
                      type="radio"
                      id={`agency-${place.id}`}
                      name="competentAgencyId"
                      value={place.id}
                      defaultChecked={state.values.competentAgencyId === place.id}
                    />
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
