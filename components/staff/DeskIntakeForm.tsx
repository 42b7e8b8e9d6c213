import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { DeskIntakeFormClient } from "./DeskIntakeForm.client";

const keys = [
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
