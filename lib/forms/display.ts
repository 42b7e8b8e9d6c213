/**
 * An answer as people read it (pure: browser and server), for check answers, the applicant's and
 * staff's dossier pages and the builder's preview: dates dd/mm/yyyy, money "1.500.000 đ", codes to
 * names. An answer that is not valid (a draft keeps what was typed) is shown as typed.
 */
import enForms from "@/locales/en/forms.json";
import viForms from "@/locales/vi/forms.json";
import { visibleItemFields } from "./flow";
import { ethnicityName, nationalityName } from "./lists";
import { maskIdNumber } from "./personal";
import { parseMoney } from "./validators";
import type { FormField, LocalisedText } from "./types";

export type Lang = keyof LocalisedText;

export type DisplayLookups = {
  /** An administrative unit's name by code (lib/places), or null when the code is unknown. */
  unitName(code: string): string | null | undefined;
  /**
   * Identity numbers show their last four digits only ("•••• •••• 2345"), as on the dossier pages
   * today, unless the page needs the whole number ("full": the officer's page, the applicant's
   * own check answers).
   */
  idNumbers?: "masked" | "full";
};

const words = { vi: viForms.answers, en: enForms.answers } as const;

/** Whole numbers grouped by thousands: "1.500.000" in Vietnamese, "1,500,000" in English. */
export function groupThousands(amount: number, lang: Lang): string {
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(amount)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  return sign + grouped;
}

/** Money in whole đồng: "1.500.000 đ" / "1,500,000 VND". */
export function moneyText(amount: number, lang: Lang): string {
  return words[lang].money.replace("{{amount}}", groupThousands(amount, lang));
}

/** A number with the language's decimal mark ("1,5" in Vietnamese). */
function numberText(amount: number, lang: Lang): string {
  const [whole, fraction] = String(Math.abs(amount)).split(".");
  const text = groupThousands(Number(whole), lang) + (fraction ? (lang === "vi" ? "," : ".") + fraction : "");
  return amount < 0 ? `-${text}` : text;
}

/** "YYYY-MM-DD" as dd/mm/yyyy; the boxes as typed ("Y-M-D") as d/m/y with "?" for an empty box. */
export function dateText(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  const parts = value.split("-");
  if (parts.length !== 3) return value;
  const [year, month, day] = parts.map((part) => part.trim() || "?");
  return `${day}/${month}/${year}`;
}

const asText = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : "";

function optionLabel(field: FormField, value: string, lang: Lang): string {
  return field.options?.find((option) => option.value === value)?.label[lang] ?? value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An answer as one text ("" for no answer). A group gives one line per item ("\n" between), each
 * its children's answers joined by ", ". Documents have no answer (their files are listed apart).
 */
export function answerText(field: FormField, value: unknown, lang: Lang, lookups: DisplayLookups): string {
  if (value === undefined || value === null) return "";
  switch (field.type) {
    case "document":
      return "";
    case "idNumber": {
      const text = asText(value).trim();
      return text && lookups.idNumbers !== "full" ? maskIdNumber(text) : text;
    }
    case "date":
      return typeof value === "string" ? dateText(value.trim()) : asText(value);
    case "money": {
      const amount = parseMoney(value);
      return amount === null ? asText(value) : moneyText(amount, lang);
    }
    case "number":
      return typeof value === "number" ? numberText(value, lang) : asText(value);
    case "select":
    case "radio":
      return typeof value === "string" ? optionLabel(field, value, lang) : asText(value);
    case "checkboxes": {
      const ticked = Array.isArray(value) ? value : [value];
      return ticked
        .filter((item): item is string => typeof item === "string" && item !== "")
        .map((item) => optionLabel(field, item, lang))
        .join(", ");
    }
    case "yesNo":
      return value === "yes" || value === true
        ? words[lang].yes
        : value === "no" || value === false
          ? words[lang].no
          : asText(value);
    case "ethnicity":
      return typeof value === "string" ? (ethnicityName(value)?.[lang] ?? value) : asText(value);
    case "nationality":
      return typeof value === "string"
        ? (nationalityName(value.toUpperCase())?.[lang] ?? value)
        : asText(value);
    case "address": {
      if (!isRecord(value)) return asText(value);
      const part = (name: string) => (typeof value[name] === "string" ? (value[name] as string).trim() : "");
      const unit = (code: string) => (code ? (lookups.unitName(code) ?? code) : "");
      return [part("street"), unit(part("commune")), unit(part("province"))].filter(Boolean).join(", ");
    }
    case "group": {
      if (!Array.isArray(value)) return asText(value);
      return value
        .map((item) => {
          if (!isRecord(item)) return "";
          return visibleItemFields(field, item)
            .map((child) => answerText(child, item[child.name], lang, lookups))
            .filter((text) => text !== "")
            .join(", ");
        })
        .filter((line) => line !== "")
        .join("\n");
    }
    default:
      return asText(value);
  }
}
