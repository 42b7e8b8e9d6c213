import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { DossierWorkspaceClient } from "./DossierWorkspace.client";

/** Its own strings and the messages the server may give. */
const keys = [
  "staff:actions",
  "staff:errors",
  "staff:fieldErrors",
  "forms:errors",
  // A refused file's message (a question's documents, the e-result).
  "dossiers:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** The staff dossier page around its forms, given its strings in the page's language. */
export function DossierWorkspace(props: Omit<ComponentProps<typeof DossierWorkspaceClient>, "messages">) {
  return <DossierWorkspaceClient {...props} messages={getMessages(props.lang, keys)} />;
}
