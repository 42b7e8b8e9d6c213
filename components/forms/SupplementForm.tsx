import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { SupplementFormClient } from "./SupplementForm.client";

/** Its own strings and the messages its checks (in the browser or on the server) may give. */
const keys = [
  "dossiers:supplement",
  "dossiers:limits",
  "dossiers:errors",
  "forms:optional",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The answer to a request for more documents, given its strings in the page's language. */
export function SupplementForm(props: Omit<ComponentProps<typeof SupplementFormClient>, "messages">) {
  return <SupplementFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
