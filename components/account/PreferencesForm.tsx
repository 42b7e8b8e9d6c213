import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { PreferencesFormClient } from "./PreferencesForm.client";

const keys = [
  "auth:account",
  "auth:locales",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The account page's language and channels form, given its strings in the page's language. */
export function PreferencesForm(props: Omit<ComponentProps<typeof PreferencesFormClient>, "messages">) {
  return <PreferencesFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
