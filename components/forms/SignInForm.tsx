"use client";

import Link from "next/link";
import { useMemo } from "react";
import { signInSchema } from "@/lib/identity/schema";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "./ErrorTitle";
import { FormIssues } from "./FormIssues";
import { emptyFormState, type FormState } from "./formState";
import { useEnhancedForm } from "./useEnhancedForm";

export function SignInForm({
  lang,
  callbackUrl,
  signUpHref,
  title,
  action,
  initial = emptyFormState,
}: {
  lang: string;
  callbackUrl: string | null;
  signUpHref: string;
  /** The full document title, for the error prefix. */
  title: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** An error to show on arrival (a refused attempt through next-auth's own endpoint). */
  initial?: FormState;
}) {
  const t = useT("auth");
  const { state, formAction, pending, register, shown, onSubmit } = useEnhancedForm(
    signInSchema,
    action,
    initial,
  );
  const tForms = useT("forms");
  const issues = useMemo(() => new FormIssues(shown, tForms), [shown, tForms]);
  return (
    <>
      <ErrorTitle title={title} prefix={t("common:errorTitlePrefix")} active={issues.any} />
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
          defaultValue={state.values.email}
          {...register("email")}
        />
        <TextField
          id="password"
          type="password"
          autoComplete="current-password"
          label={t("fields.password")}
          error={issues.message("password")}
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
