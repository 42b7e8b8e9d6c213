import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { DeskPaymentFormClient, RequestPaymentFormClient } from "./PaymentForms.client";

/** Their own strings and the messages the server may give. */
const keys = [
  "payments:request",
  "payments:desk",
  "payments:fieldErrors",
  "payments:errors",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** "Request the fee", given its strings in the page's language. */
export function RequestPaymentForm(props: Omit<ComponentProps<typeof RequestPaymentFormClient>, "messages">) {
  return <RequestPaymentFormClient {...props} messages={getMessages(props.lang, keys)} />;
}

/** "Record payment at the desk", given its strings in the page's language. */
export function DeskPaymentForm(props: Omit<ComponentProps<typeof DeskPaymentFormClient>, "messages">) {
  return <DeskPaymentFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
