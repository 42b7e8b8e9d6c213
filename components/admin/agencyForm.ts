import { agencyKinds, agencyLevels } from "@/lib/agencies/rules";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { localized } from "@/lib/i18n/localized";
import type { AdminFieldSpec } from "./adminForms";

type Choice = { id: string; code: string; nameVi: string; nameEn: string };
type Current = Partial<
  Record<
    | "code"
    | "nameVi"
    | "nameEn"
    | "parentId"
    | "kind"
    | "level"
    | "address"
    | "validFrom"
    | "validTo"
    | "successorId"
    | "bankBin"
    | "bankAccountNumber"
    | "bankAccountName",
    string | null
  >
>;

/** The agency form's fields, in the page's language; `current` fills an edit form. */
export function agencyFormFields(
  t: T,
  lang: Lang,
  choices: Choice[],
  current: Current = {},
  selfId: string | null = null,
): AdminFieldSpec[] {
  const options = choices
    .filter((choice) => choice.id !== selfId)
    .map((choice) => ({ value: choice.id, label: `${choice.code} · ${localized(lang, choice)}` }));
  const value = (name: keyof Current) => current[name] ?? "";
  return [
    {
      name: "code",
      kind: "text",
      label: t("agencyForm.code"),
      hint: t("agencyForm.codeHint"),
      value: value("code"),
      short: true,
    },
    { name: "nameVi", kind: "text", label: t("agencyForm.nameVi"), value: value("nameVi"), lang: "vi" },
    { name: "nameEn", kind: "text", label: t("agencyForm.nameEn"), value: value("nameEn"), lang: "en" },
    {
      name: "parentId",
      kind: "select",
      label: t("agencyForm.parentId"),
      hint: t("agencyForm.parentHint"),
      value: value("parentId"),
      placeholder: t("agencyForm.noParent"),
      options,
    },
    {
      name: "kind",
      kind: "select",
      label: t("agencyForm.kind"),
      value: value("kind") || "department",
      options: agencyKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
    },
    {
      name: "level",
      kind: "select",
      label: t("agencyForm.level"),
      hint: t("agencyForm.levelHint"),
      value: value("level") || "province",
      options: agencyLevels.map((level) => ({ value: level, label: t(`levels.${level}`) })),
    },
    { name: "address", kind: "textarea", label: t("agencyForm.address"), value: value("address") },
    {
      name: "validFrom",
      kind: "date",
      label: t("agencyForm.validFrom"),
      hint: t("agencyForm.validFromHint"),
      value: value("validFrom"),
    },
    {
      name: "validTo",
      kind: "date",
      label: t("agencyForm.validTo"),
      hint: t("agencyForm.validToHint"),
      value: value("validTo"),
    },
    {
      name: "successorId",
      kind: "select",
      label: t("agencyForm.successorId"),
      hint: t("agencyForm.successorHint"),
      value: value("successorId"),
      placeholder: t("agencyForm.noSuccessor"),
      options,
    },
    {
      name: "bankBin",
      kind: "text",
      label: t("agencyForm.bankBin"),
      hint: t("agencyForm.bankBinHint"),
      value: value("bankBin"),
      short: true,
    },
    {
      name: "bankAccountNumber",
      kind: "text",
      label: t("agencyForm.bankAccountNumber"),
      hint: t("agencyForm.bankAccountNumberHint"),
      value: value("bankAccountNumber"),
      short: true,
    },
    {
      name: "bankAccountName",
      kind: "text",
      label: t("agencyForm.bankAccountName"),
      hint: t("agencyForm.bankAccountNameHint"),
      value: value("bankAccountName"),
    },
  ];
}
