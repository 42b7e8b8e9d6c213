import type { T } from "@/lib/i18n/server";
import type { WorkspaceFieldSpec } from "./WorkspaceForm.client";

/** The fields of an opinion form being prepared (new, or a draft changed). */
export function opinionFormFields(
  t: T,
  options: {
    bodies: { value: string; label: string }[];
    accept: string;
    current?: { title: string; question: string; workingDays: number; dossierCode: string | null };
  },
): WorkspaceFieldSpec[] {
  const { current } = options;
  return [
    ...(current
      ? []
      : [
          {
            name: "bodyId",
            kind: "select",
            label: t("workspace:opinions.fields.body"),
            options: options.bodies,
            value: options.bodies.length === 1 ? options.bodies[0]!.value : "",
            placeholder: options.bodies.length === 1 ? undefined : t("workspace:opinions.fields.choose"),
          } satisfies WorkspaceFieldSpec,
        ]),
    { name: "title", kind: "text", label: t("workspace:opinions.fields.title"), value: current?.title },
    {
      name: "question",
      kind: "textarea",
      label: t("workspace:opinions.fields.question"),
      hint: t("workspace:opinions.fields.questionHint"),
      value: current?.question,
      rows: 5,
    },
    {
      name: "workingDays",
      kind: "number",
      label: t("workspace:opinions.fields.workingDays"),
      hint: t("workspace:opinions.fields.workingDaysHint"),
      value: current ? String(current.workingDays) : "5",
    },
    {
      name: "dossierCode",
      kind: "text",
      label: t("workspace:opinions.fields.dossierCode"),
      hint: t("workspace:opinions.fields.dossierCodeHint"),
      value: current?.dossierCode ?? "",
    },
    {
      name: "drafts",
      kind: "file",
      multiple: true,
      accept: options.accept,
      label: t("workspace:opinions.fields.drafts"),
      hint: t("workspace:opinions.fields.filesHint"),
    },
    {
      name: "requestLetter",
      kind: "file",
      accept: options.accept,
      label: t("workspace:opinions.fields.requestLetter"),
      hint: t("workspace:opinions.fields.filesHint"),
    },
    {
      name: "fileDescription",
      kind: "text",
      label: t("workspace:opinions.fields.fileDescription"),
      hint: t("workspace:opinions.fields.fileDescriptionHint"),
    },
  ];
}
