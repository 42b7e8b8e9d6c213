import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { StartDraftFormClient } from "./StartDraftForm.client";

/** Its own strings and the messages its checks (on the server) may give. */
const keys = [
  "dossiers:new",
  "dossiers:errors",
  "organisations:forWhom",
  "organisations:errors",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** "Start", given its strings in the page's language (no i18next in the browser). */
export function StartDraftForm(props: Omit<ComponentProps<typeof StartDraftFormClient>, "messages">) {
  return <StartDraftFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
