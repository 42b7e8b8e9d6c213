import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { SignUpFormClient } from "./SignUpForm.client";

/** Its own strings and the messages its checks (in the browser or on the server) may give. */
const keys = [
  "auth:signUp",
  "auth:fields",
  "auth:errors",
  "auth:locales",
  "forms:errors",
  "forms:optional",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The sign-up form, given its strings in the page's language (no i18next in the browser). */
export function SignUpForm(props: Omit<ComponentProps<typeof SignUpFormClient>, "messages">) {
  return <SignUpFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
