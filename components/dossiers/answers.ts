import { isIdNumberField, maskIdNumber } from "@/lib/forms/personal";
import type { FormField } from "@/lib/forms/types";
import { formatDate } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";

/**
 * An answer as a person reads it: the option's label, a date in the page's format; null when blank.
 * Identity numbers show their last four digits only, unless the page needs the whole number (the
 * officer's dossier page says `idNumbers: "full"`).
 */
export function answerText(
  field: FormField,
  value: unknown,
  lang: Lang,
  options: { idNumbers?: "masked" | "full" } = {},
): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (text === "") return null;
  if (isIdNumberField(field) && options.idNumbers !== "full") return maskIdNumber(text);
  if (field.type === "select") {
    return field.options?.find((option) => option.value === text)?.label[lang] ?? text;
  }
  if (field.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    // Noon UTC is the same calendar day in Vietnam.
    return formatDate(new Date(`${text}T12:00:00Z`), lang);
  }
  return text;
}
