import type { FormField } from "@/lib/forms/types";
import type { Lang } from "@/lib/i18n/settings";
import { answerText } from "@/components/dossiers/answers";
import type { Lookups } from "./FormPageFields";

/**
 * An answer as check answers shows it (until lib/forms/display answerText covers every type): dates
 * dd/mm/yyyy, money with "đ", codes as names, an address "street, commune, province", a group's items
 * one per line. Null when not answered.
 */
export function displayAnswer(
  field: FormField,
  value: unknown,
  lang: Lang,
  lookups: Lookups,
  words: { yes: string; no: string },
): string | null {
  if (value === undefined || value === null || value === "") return null;
  const option = (code: string) => field.options?.find((item) => item.value === code)?.label[lang] ?? code;
  const place = (code: unknown, list: { code: string; name: string }[] | undefined) =>
    list?.find((item) => item.code === code)?.name ?? (code === undefined ? "" : String(code));
  switch (field.type) {
    case "checkboxes":
      return Array.isArray(value) && value.length > 0
        ? value.map((item) => option(String(item))).join(", ")
        : null;
    case "radio":
      return option(String(value));
    case "yesNo":
      return value === "yes" ? words.yes : value === "no" ? words.no : String(value);
    case "money":
      return typeof value === "number"
        ? `${new Intl.NumberFormat("vi-VN").format(value)} đ`
        : `${String(value)} đ`;
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value))
        ? String(value).split("-").reverse().join("/")
        : String(value);
    case "ethnicity":
      return place(value, lookups.ethnicities);
    case "nationality":
      return place(value, lookups.nationalities);
    case "address": {
      const address = value as { province?: string; commune?: string; street?: string };
      const communes = address.province ? lookups.communes[address.province] : undefined;
      return (
        [address.street, place(address.commune, communes), place(address.province, lookups.provinces)]
          .filter((part) => part)
          .join(", ") || null
      );
    }
    case "group": {
      if (!Array.isArray(value) || value.length === 0) return null;
      return value
        .map((item: Record<string, unknown>, index) => {
          const parts = (field.fields ?? [])
            .map((child) => displayAnswer(child, item[child.name], lang, lookups, words))
            .filter((part): part is string => part !== null);
          return `${index + 1}. ${parts.join("; ")}`;
        })
        .join("\n");
    }
    default:
      return answerText(field, value, lang);
  }
}
