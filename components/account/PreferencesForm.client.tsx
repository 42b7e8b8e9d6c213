"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { Button } from "@/components/ui/Button";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { noticeLocales } from "@/lib/identity/schema";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";

/** Where each field's error links to: a group links to its first choice. */
const idFor = (field: string) =>
  field === "locale" ? "locale-vi" : field === "_" || field === "form" ? "locale-vi" : field;

/**
 * The language of the person's notices and the channels they want them on. A plain form posted to
 * a server action: it works without JavaScript, and a refused post comes back with what was chosen.
 */
export function PreferencesFormClient({
  messages,
  lang,
  title,
  initial,
  hasEmail,
  action,
}: {
  messages: Messages;
  lang: Lang;
  title: string;
  initial: { locale: Lang; notifyByEmail: boolean; notifyInInbox: boolean };
  hasEmail: boolean;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const errorPrefix = t("common:errorTitlePrefix");
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(() => new FormIssues(state, t, idFor), [state, t]);
  // After a refused post, what was sent; before, what is stored.
  const sent = Object.keys(state.values).length > 0;
  const locale = sent ? state.values.locale : initial.locale;
  const byEmail = sent ? state.values.notifyByEmail === "on" : initial.notifyByEmail;
  const inInbox = sent ? state.values.notifyInInbox === "on" : initial.notifyInInbox;
  const localeError = issues.message("locale");
  return (
    <section aria-labelledby="preferences-title">
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <h2 id="preferences-title">{t("auth:account.preferencesTitle")}</h2>
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <div className={localeError ? "field field--error" : "field"}>
          <fieldset
            aria-describedby={["locale-hint", localeError ? "locale-error" : null].filter(Boolean).join(" ")}
          >
            <legend className="field__label">{t("auth:account.language")}</legend>
            <span className="field__hint" id="locale-hint">
              {t("auth:account.languageHint")}
            </span>
            {localeError ? (
              <span className="field__error" id="locale-error">
                <ErrorPrefix text={errorPrefix} />
                {localeError}
              </span>
            ) : null}
            <div className="radios">
              {noticeLocales.map((option) => (
                <label className="radio" key={option} htmlFor={`locale-${option}`}>
                  <input
                    type="radio"
                    id={`locale-${option}`}
                    name="locale"
                    value={option}
                    defaultChecked={locale === option}
                  />
                  <span lang={option}>{t(`auth:locales.${option}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="field">
          <fieldset aria-describedby="channels-hint">
            <legend className="field__label">{t("auth:account.channels")}</legend>
            <span className="field__hint" id="channels-hint">
              {t("auth:account.channelsHint")}
            </span>
            <div className="radios">
              <label className="radio" htmlFor="notifyByEmail">
                <input
                  type="checkbox"
                  id="notifyByEmail"
                  name="notifyByEmail"
                  defaultChecked={byEmail}
                  aria-describedby={hasEmail ? undefined : "notifyByEmail-hint"}
                />
                <span>{t("auth:account.byEmail")}</span>
              </label>
              {hasEmail ? null : (
                <span className="field__hint" id="notifyByEmail-hint">
                  {t("auth:account.byEmailNoAddress")}
                </span>
              )}
              <label className="radio" htmlFor="notifyInInbox">
                <input type="checkbox" id="notifyInInbox" name="notifyInInbox" defaultChecked={inInbox} />
                <span>{t("auth:account.inInbox")}</span>
              </label>
            </div>
          </fieldset>
        </div>
        <Button disabled={pending}>{t("auth:account.save")}</Button>
      </form>
    </section>
  );
}
