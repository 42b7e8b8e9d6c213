import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { DraftFormClient } from "./DraftForm.client";

/** Its own strings and the messages its checks (in the browser or on the server) may give. */
const keys = [
  "dossiers:draft",
  "dossiers:documents.details",
  "dossiers:errors",
  "forms:optional",
  "forms:choose",
  "forms:errors",
  "common:actions.continue",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The draft's question page, given its strings in the page's language (no i18next in the browser). */
export function DraftForm(props: Omit<ComponentProps<typeof DraftFormClient>, "messages">) {
  return <DraftFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
