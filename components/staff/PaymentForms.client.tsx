"use client";

import { useActionState, useMemo } from "react";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { FormIssues } from "@/components/forms/FormIssues";
import { emptyFormState, type FormState } from "@/components/forms/formState";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import styles from "./staff.module.css";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A field's id on the page; a problem with the whole post ("_form") links to the form's heading. */
const idFor = (prefix: string) => (field: string) =>
  field === "_form" ? `${prefix}-title` : `${prefix}-${field}`;

function useForm(lang: Lang, messages: Messages, action: Action, prefix: string) {
  const t = useMemo(() => translator(lang, messages, "payments"), [lang, messages]);
  const tForms = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const issues = useMemo(() => new FormIssues(state, tForms, idFor(prefix)), [state, tForms, prefix]);
  return { t, state, formAction, pending, issues, errorPrefix: t("common:errorTitlePrefix") };
}

/** "Request the fee": the holder of an in-progress dossier asks the applicant to pay. */
export function RequestPaymentFormClient({
  messages,
  lang,
  title,
  version,
  amount,
  amountHint,
  legalBasis,
  action,
}: {
  messages: Messages;
  lang: Lang;
  /** the page title, to put "Error: " before it when the post fails */
  title: string;
  version: number;
  /** prefilled from the procedure version's fee ("" when it sets none) */
  amount: string;
  amountHint: string;
  legalBasis: string;
  action: Action;
}) {
  const { t, state, formAction, pending, issues, errorPrefix } = useForm(
    lang,
    messages,
    action,
    "payment-request",
  );
  const values = state.values;
  return (
    <section className={styles.action} aria-labelledby="payment-request-title">
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <h3 id="payment-request-title" tabIndex={-1}>
        {t("request.title")}
      </h3>
      <p className={styles.description}>{t("request.hint")}</p>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="version" value={version} />
        <TextField
          id="payment-request-amountVnd"
          name="amountVnd"
          inputMode="numeric"
          className="input--short"
          label={t("request.amount")}
          hint={amountHint}
          defaultValue={values.amountVnd ?? amount}
          maxLength={20}
          error={issues.message("amountVnd")}
          errorPrefix={errorPrefix}
        />
        <TextArea
          id="payment-request-legalBasis"
          name="legalBasis"
          rows={2}
          label={t("request.legalBasis")}
          hint={t("request.legalBasisHint")}
          defaultValue={values.legalBasis ?? legalBasis}
          maxLength={500}
          error={issues.message("legalBasis")}
          errorPrefix={errorPrefix}
        />
        <Button disabled={pending}>{t("request.submit")}</Button>
      </form>
    </section>
  );
}

/** "Record payment at the desk": the officer took the fee and wrote a receipt. */
export function DeskPaymentFormClient({
  messages,
  lang,
  title,
  version,
  paymentId,
  amount,
  action,
}: {
  messages: Messages;
  lang: Lang;
  title: string;
  version: number;
  paymentId: string;
  /** the amount owed, formatted */
  amount: string;
  action: Action;
}) {
  const { t, state, formAction, pending, issues, errorPrefix } = useForm(
    lang,
    messages,
    action,
    "payment-desk",
  );
  return (
    <section className={styles.action} aria-labelledby="payment-desk-title">
      <ErrorTitle title={title} prefix={errorPrefix} active={issues.any} />
      <h3 id="payment-desk-title" tabIndex={-1}>
        {t("desk.title")}
      </h3>
      <p className={styles.description}>{t("desk.hint", { amount })}</p>
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={issues.links} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="paymentId" value={paymentId} />
        <TextField
          id="payment-desk-receiptNumber"
          name="receiptNumber"
          className="input--short"
          label={t("desk.receiptNumber")}
          hint={t("desk.receiptHint")}
          defaultValue={state.values.receiptNumber ?? ""}
          maxLength={40}
          autoComplete="off"
          error={issues.message("receiptNumber")}
          errorPrefix={errorPrefix}
        />
        <Button disabled={pending}>{t("desk.submit")}</Button>
      </form>
    </section>
  );
}
