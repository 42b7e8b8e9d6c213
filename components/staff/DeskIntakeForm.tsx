import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { fieldMessageKeys } from "@/components/forms/fields/FormPageFields";
import { DeskIntakeFormClient } from "./DeskIntakeForm.client";

const keys = [
  ...fieldMessageKeys,
  "staff:intake",
  "dossiers:errors",
  "forms:optional",
  "forms:choose",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The desk intake form, given its strings in the page's language (no i18next in the browser). */
export function DeskIntakeForm(props: Omit<ComponentProps<typeof DeskIntakeFormClient>, "messages">) {
  return <DeskIntakeFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
