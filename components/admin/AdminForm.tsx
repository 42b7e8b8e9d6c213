import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { AdminFormClient } from "./AdminForm.client";

/** The strings the form may show: its own, and every message a check may give. */
const keys = [
  "admin:fieldErrors",
  "admin:errors",
  "admin:done",
  "admin:secret",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** An administration form, given its strings in the page's language (no i18next in the browser). */
export function AdminForm(props: Omit<ComponentProps<typeof AdminFormClient>, "messages">) {
  return <AdminFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
