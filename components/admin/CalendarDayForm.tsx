import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { CalendarDayFormClient } from "./CalendarDayForm.client";

/** Its own strings and the messages the server may give. */
const keys = [
  "calendar:calendar",
  "calendar:kinds",
  "calendar:fieldErrors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The calendar's day form, given its strings in the page's language (no i18next in the browser). */
export function CalendarDayForm(props: Omit<ComponentProps<typeof CalendarDayFormClient>, "messages">) {
  return <CalendarDayFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
