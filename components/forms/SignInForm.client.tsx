"use client";

import Link from "next/link";
import { useMemo } from "react";
import { signInSchema } from "@/lib/identity/schema";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "./ErrorTitle";
import { FormIssues } from "./FormIssues";
import { emptyFormState, type FormState } from "./formState";
import { useEnhancedForm } from "./useEnhancedForm";

export function SignInFormClient({
  messages,
  lang,
  callbackUrl,
  signUpHref,
  title,
  action,
  initial = emptyFormState,
}: {
  /** Its strings, from the server (getMessages). */
  messages: Messages;
  lang: Lang;
  callbackUrl: string | null;
  signUpHref: string;
  /** The full document title, for the error prefix. */
  title: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** An error to show on arrival (a refused attempt through next-auth's own endpoint). */
  initial?: FormState;
}) {
  const t = useMemo(() => translator(lang, messages, "auth"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    signInSchema,
    action,
    initial,
  );
  const issues = useMemo(() => new FormIssues(shown, tForms), [shown, tForms]);
  const errorPrefix = t("common:errorTitlePrefix");
  return (
    <>
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <h1>{t("signIn.title")}</h1>
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="lang" value={lang} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextField
          id="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          label={t("fields.email")}
          error={issues.message("email")}
          errorPrefix={errorPrefix}
          defaultValue={state.values.email}
          {...register("email")}
        />
        <TextField
          id="password"
          type="password"
          autoComplete="current-password"
          label={t("fields.password")}
          error={issues.message("password")}
          errorPrefix={errorPrefix}
          {...register("password")}
        />
        <Button disabled={pending}>{t("signIn.submit")}</Button>
      </form>
      <p>
        {t("signIn.noAccount")} <Link href={signUpHref}>{t("signIn.createAccount")}</Link>
      </p>
    </>
  );
}
