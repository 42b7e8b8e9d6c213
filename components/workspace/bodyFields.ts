import type { T } from "@/lib/i18n/server";
import { bodyRoles } from "@/lib/meetings/roles";
import type { BodyCommand } from "@/lib/meetings/bodies";
import type { WorkspaceFieldSpec } from "./WorkspaceForm.client";

/** A body's fields and its rule, for the administrator's form. */
export function bodyFormFields(t: T, current?: BodyCommand): WorkspaceFieldSpec[] {
  return [
    {
      name: "code",
      kind: "text",
      label: t("workspace:bodies.fields.code"),
      hint: t("workspace:bodies.fields.codeHint"),
      value: current?.code,
    },
    { name: "nameVi", kind: "text", label: t("workspace:bodies.fields.nameVi"), value: current?.nameVi },
    { name: "nameEn", kind: "text", label: t("workspace:bodies.fields.nameEn"), value: current?.nameEn },
    {
      name: "quorumPercent",
      kind: "number",
      label: t("workspace:bodies.fields.quorumPercent"),
      hint: t("workspace:bodies.fields.quorumPercentHint"),
      value: String(current?.quorumPercent ?? 50),
    },
    {
      name: "majorityPercent",
      kind: "number",
      label: t("workspace:bodies.fields.majorityPercent"),
      hint: t("workspace:bodies.fields.majorityPercentHint"),
      value: String(current?.majorityPercent ?? 50),
    },
    {
      name: "majorityBase",
      kind: "radios",
      label: t("workspace:bodies.fields.majorityBase"),
      value: current?.majorityBase ?? "all_members",
      options: (["all_members", "present", "votes_cast"] as const).map((value) => ({
        value,
        label: t(`workspace:bodies.bases.${value}`),
      })),
    },
    {
      name: "chairBreaksTie",
      kind: "radios",
      label: t("workspace:bodies.fields.chairBreaksTie"),
      value: current ? (current.chairBreaksTie ? "yes" : "no") : "yes",
      options: [
        { value: "yes", label: t("workspace:bodies.tie.yes") },
        { value: "no", label: t("workspace:bodies.tie.no") },
      ],
    },
    {
      name: "documentsAheadDays",
      kind: "number",
      label: t("workspace:bodies.fields.documentsAheadDays"),
      hint: t("workspace:bodies.fields.documentsAheadDaysHint"),
      value: String(current?.documentsAheadDays ?? 3),
    },
  ];
}

/** Adding a member, or changing one's role and title (by their e-mail). */
export function memberFormFields(t: T): WorkspaceFieldSpec[] {
  return [
    {
      name: "email",
      kind: "email",
      label: t("workspace:bodies.fields.email"),
      hint: t("workspace:bodies.fields.emailHint"),
      autoComplete: "off",
    },
    {
      name: "role",
      kind: "select",
      label: t("workspace:bodies.fields.role"),
      placeholder: t("workspace:bodies.fields.choose"),
      options: bodyRoles.map((role) => ({ value: role, label: t(`workspace:roles.${role}`) })),
    },
    {
      name: "title",
      kind: "text",
      label: t("workspace:bodies.fields.title"),
      hint: t("workspace:bodies.fields.titleHint"),
    },
    {
      name: "replaceChair",
      kind: "checkbox",
      label: t("workspace:bodies.fields.replaceChairLegend"),
      options: [{ value: "yes", label: t("workspace:bodies.fields.replaceChair") }],
    },
  ];
}

/** Archiving a body: why, and the administrator's confirmation. */
export function archiveFormFields(t: T): WorkspaceFieldSpec[] {
  return [
    {
      name: "reason",
      kind: "textarea",
      label: t("workspace:bodies.fields.reason"),
      hint: t("workspace:bodies.fields.reasonHint"),
    },
    {
      name: "confirm",
      kind: "checkbox",
      label: t("workspace:bodies.fields.confirmLegend"),
      options: [{ value: "yes", label: t("workspace:bodies.fields.confirm") }],
    },
  ];
}
