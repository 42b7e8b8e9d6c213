import type { UseFormRegister } from "react-hook-form";
import type { FormField } from "@/lib/forms/types";
import type { Lang } from "@/lib/i18n/settings";
import type { Translate } from "@/lib/i18n/messages";
import { SelectField, TextArea, TextField } from "@/components/ui/Field";
import { answerId } from "./ids";

/**
 * Renders a procedure version's form fields with the design-system inputs, in the page's language.
 * Values and (translated) errors come in; `register` (react-hook-form) is optional, so the same
 * fields render for a form without browser validation.
 */
export function ProcedureFields({
  fields,
  lang,
  values,
  errors,
  errorPrefix,
  t,
  register,
}: {
  fields: FormField[];
  lang: Lang;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  /** "Error"/"Lỗi", said before a field's message. */
  errorPrefix: string;
  /** The "forms" strings ("optional", "choose"). */
  t: Translate;
  register?: UseFormRegister<Record<string, unknown>>;
}) {
  return (
    <>
      {fields.map((field) => {
        const id = answerId(field.name);
        const common = {
          id,
          label: field.required ? field.label[lang] : `${field.label[lang]} ${t("optional")}`,
          hint: field.hint?.[lang],
          error: errors[field.name],
          errorPrefix,
          defaultValue: values[field.name] ?? "",
          ...(register ? register(field.name) : { name: field.name }),
        };
        switch (field.type) {
          case "textarea":
            return <TextArea key={field.name} {...common} maxLength={field.maxLength} />;
          case "select":
            return (
              <SelectField
                key={field.name}
                {...common}
                placeholder={t("choose")}
                options={(field.options ?? []).map((option) => ({
                  value: option.value,
                  label: option.label[lang],
                }))}
              />
            );
          case "date":
            return <TextField key={field.name} {...common} type="date" className="input--short" />;
          case "number":
            // A text input: type=number changes the value on scroll and hides what was typed wrong.
            return <TextField key={field.name} {...common} inputMode="decimal" className="input--short" />;
          case "idNumber":
            return (
              <TextField
                key={field.name}
                {...common}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                className="input--short"
              />
            );
          case "email":
            return (
              <TextField key={field.name} {...common} type="email" autoComplete="email" spellCheck={false} />
            );
          case "tel":
            return (
              <TextField
                key={field.name}
                {...common}
                type="tel"
                autoComplete="tel"
                className="input--short"
              />
            );
          default:
            return <TextField key={field.name} {...common} />;
        }
      })}
    </>
  );
}
