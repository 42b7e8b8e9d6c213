import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { WorkspaceFormClient } from "./WorkspaceForm.client";

export type { WorkspaceFieldSpec } from "./WorkspaceForm.client";

/** The strings a workspace form may show: every message its service may give. */
const keys = [
  "workspace:errors",
  "workspace:bodies.fieldErrors",
  "workspace:opinions.fieldErrors",
  "workspace:files.errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** A workspace form, given its strings in the page's language (no i18next in the browser). */
export function WorkspaceForm(props: Omit<ComponentProps<typeof WorkspaceFormClient>, "messages">) {
  return <WorkspaceFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
