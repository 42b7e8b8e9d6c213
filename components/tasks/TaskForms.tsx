import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { NewTaskFormClient, ReassignFormClient, ReportFormClient } from "./TaskForms.client";

/** The strings the tasks forms show, and the messages the server may give (no i18next in the browser). */
const keys = [
  "workspace:tasks.report",
  "workspace:tasks.reassign",
  "workspace:tasks.deadline",
  "workspace:tasks.new",
  "workspace:tasks.errors",
  "dossiers:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];
const messagesFor = (lang: Lang) => getMessages(lang, keys);

export function ReportForm(props: Omit<ComponentProps<typeof ReportFormClient>, "messages">) {
  return <ReportFormClient {...props} messages={messagesFor(props.lang)} />;
}

export function ReassignForm(props: Omit<ComponentProps<typeof ReassignFormClient>, "messages">) {
  return <ReassignFormClient {...props} messages={messagesFor(props.lang)} />;
}

export function NewTaskForm(props: Omit<ComponentProps<typeof NewTaskFormClient>, "messages">) {
  return <NewTaskFormClient {...props} messages={messagesFor(props.lang)} />;
}
