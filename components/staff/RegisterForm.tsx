import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";

export type RegisterValues = { agency: string; from: string; to: string };

/**
 * The dossier tracking register's form (slip 07): an agency and a period. A plain GET form, so it
 * works the same with JavaScript off; the register page checks it and sends the PDF or the errors.
 */
export function RegisterForm({
  lang,
  agencies,
  values,
  issues = {},
  t,
  headingLevel = 2,
}: {
  lang: Lang;
  agencies: { code: string; name: string }[];
  values: RegisterValues;
  issues?: Record<string, string[]>;
  /** The "slips" namespace. */
  t: T;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const error = (field: keyof RegisterValues) => (issues[field]?.[0] ? t(issues[field][0]) : undefined);
  const errorPrefix = t("common:errorTitlePrefix");
  return (
    <section aria-labelledby="register-title">
      <Heading id="register-title">{t("register.title")}</Heading>
      <p>{t("register.intro")}</p>
      <form action={`/${lang}/staff/register`} method="get" noValidate>
        {agencies.length === 1 ? (
          <input type="hidden" name="agency" value={agencies[0]!.code} />
        ) : (
          <SelectField
            id="register-agency"
            name="agency"
            label={t("register.agency")}
            options={agencies.map((agency) => ({ value: agency.code, label: agency.name }))}
            defaultValue={values.agency}
            error={error("agency")}
            errorPrefix={errorPrefix}
          />
        )}
        <TextField
          id="register-from"
          name="from"
          type="date"
          label={t("register.from")}
          hint={t("register.dateHint")}
          defaultValue={values.from}
          error={error("from")}
          errorPrefix={errorPrefix}
        />
        <TextField
          id="register-to"
          name="to"
          type="date"
          label={t("register.to")}
          defaultValue={values.to}
          error={error("to")}
          errorPrefix={errorPrefix}
        />
        <Button variant="secondary">{t("register.submit")}</Button>
      </form>
    </section>
  );
}
