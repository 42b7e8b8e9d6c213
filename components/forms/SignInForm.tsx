import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { SignInFormClient } from "./SignInForm.client";

/** Its own strings and the messages its checks (in the browser or on the server) may give. */
const keys = [
  "auth:signIn",
  "auth:fields",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The sign-in form, given its strings in the page's language (no i18next in the browser). */
export function SignInForm(props: Omit<ComponentProps<typeof SignInFormClient>, "messages">) {
  return <SignInFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
