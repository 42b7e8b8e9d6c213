import type { T } from "@/lib/i18n/server";
import type { SelectOption } from "@/components/ui/Field";
import type { FieldSpec } from "./OrganisationForm.client";

/** The administrative units the head office is chosen from: provinces, and communes by province. */
export type AddressChoices = { provinces: SelectOption[]; communes: SelectOption[] };

/** The organisation's particulars as form fields (register and change), with what is recorded. */
export function particularFields(
  t: T,
  initial: Partial<
    Record<
      | "name"
      | "taxCode"
      | "province"
      | "commune"
      | "street"
      | "legalRepresentative"
      | "legalRepresentativeTitle"
      | "phone"
      | "email",
      string
    >
  > = {},
  places: AddressChoices = { provinces: [], communes: [] },
): FieldSpec[] {
  return [
    {
      kind: "text",
      name: "name",
      label: t("fields.name"),
      hint: t("fields.nameHint"),
      autoComplete: "organization",
      initial: initial.name,
    },
    {
      kind: "text",
      name: "taxCode",
      label: t("fields.taxCode"),
      hint: t("fields.taxCodeHint"),
      inputMode: "numeric",
      autoComplete: "off",
      spellCheck: false,
      initial: initial.taxCode,
    },
    {
      kind: "select",
      name: "province",
      label: t("fields.province"),
      emptyLabel: t("fields.chooseProvince"),
      options: places.provinces,
      initial: initial.province,
    },
    {
      kind: "select",
      name: "commune",
      label: t("fields.commune"),
      emptyLabel: t("fields.chooseCommune"),
      options: places.communes,
      initial: initial.commune,
    },
    {
      kind: "text",
      name: "street",
      label: t("fields.street"),
      hint: t("fields.streetHint"),
      autoComplete: "street-address",
      initial: initial.street,
    },
    {
      kind: "text",
      name: "legalRepresentative",
      label: t("fields.legalRepresentative"),
      hint: t("fields.legalRepresentativeHint"),
      autoComplete: "name",
      spellCheck: false,
      initial: initial.legalRepresentative,
    },
    {
      kind: "text",
      name: "legalRepresentativeTitle",
      label: t("fields.legalRepresentativeTitle"),
      hint: t("fields.legalRepresentativeTitleHint"),
      autoComplete: "organization-title",
      initial: initial.legalRepresentativeTitle,
    },
    {
      kind: "text",
      name: "phone",
      type: "tel",
      label: t("fields.phone"),
      autoComplete: "tel",
      initial: initial.phone,
    },
    {
      kind: "text",
      name: "email",
      type: "email",
      label: t("fields.email"),
      autoComplete: "email",
      spellCheck: false,
      initial: initial.email,
    },
  ];
}
