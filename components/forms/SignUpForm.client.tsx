"use client";

import Link from "next/link";
import { useMemo } from "react";
import { noticeLocales, signUpSchema } from "@/lib/identity/schema";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { ErrorTitle } from "./ErrorTitle";
import { FormIssues } from "./FormIssues";
import { emptyFormState, type FormState } from "./formState";
import { useEnhancedForm } from "./useEnhancedForm";

export function SignUpFormClient({
  messages,
  lang,
  callbackUrl,
  signInHref,
  title,
  action,
}: {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  callbackUrl: string | null;
  signInHref: string;
  title: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const t = useMemo(() => translator(lang, messages, "auth"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    signUpSchema,
    action,
    emptyFormState,
  );
  const issues = useMemo(
    () => new FormIssues(shown, tForms, (field) => (field === "locale" ? "locale-vi" : field)),
    [shown, tForms],
  );
  const errorPrefix = t("common:errorTitlePrefix");
  const text = (name: "fullName" | "email" | "phone" | "idNumber") => ({
    id: name,
    label: name === "idNumber" ? `${t("fields.idNumber")} ${tForms("optional")}` : t(`fields.${name}`),
    hint: t(`signUp.hints.${name}`),
    error: issues.message(name),
    errorPrefix,
    defaultValue: state.values[name],
    ...register(name),
  });
  return (
    <>
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <h1>{t("signUp.title")}</h1>
      <p className="lead">{t("signUp.intro")}</p>
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="lang" value={lang} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextField {...text("fullName")} autoComplete="name" spellCheck={false} />
        <TextField {...text("email")} type="email" autoComplete="email" spellCheck={false} />
        <TextField {...text("phone")} type="tel" autoComplete="tel" className="input--short" />
        <TextField
          {...text("idNumber")}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="input--short"
        />
        <div className={issues.message("locale") ? "field field--error" : "field"}>
          <fieldset
            aria-describedby={["locale-hint", issues.message("locale") ? "locale-error" : null]
              .filter(Boolean)
              .join(" ")}
          >
            <legend className="field__label">{t("fields.locale")}</legend>
            <span className="field__hint" id="locale-hint">
              {t("signUp.hints.locale")}
            </span>
            {issues.message("locale") ? (
              <span className="field__error" id="locale-error">
                <ErrorPrefix text={errorPrefix} />
                {issues.message("locale")}
              </span>
            ) : null}
            <div className="radios">
              {noticeLocales.map((option) => (
                <label className="radio" key={option} htmlFor={`locale-${option}`}>
                  <input
                    type="radio"
                    id={`locale-${option}`}
                    value={option}
                    defaultChecked={(state.values.locale || lang) === option}
                    {...register("locale")}
                  />
                  <span lang={option}>{t(`locales.${option}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <TextField
          id="password"
          type="password"
          autoComplete="new-password"
          label={t("fields.password")}
          hint={t("signUp.hints.password")}
          error={issues.message("password")}
          errorPrefix={errorPrefix}
          {...register("password")}
        />
        <TextField
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          label={t("fields.confirmPassword")}
          error={issues.message("confirmPassword")}
          errorPrefix={errorPrefix}
          {...register("confirmPassword")}
        />
        <Button disabled={pending}>{t("signUp.submit")}</Button>
      </form>
      <p>
        {t("signUp.haveAccount")} <Link href={signInHref}>{t("signUp.signIn")}</Link>
      </p>
    </>
  );
}
