import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { WorkingHoursFormClient } from "./WorkingHoursForm.client";

const keys = [
  "calendar:hours",
  "calendar:fieldErrors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The working-hours form, given its strings in the page's language. */
export function WorkingHoursForm(props: Omit<ComponentProps<typeof WorkingHoursFormClient>, "messages">) {
  return <WorkingHoursFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
