import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { AdminFormClient } from "./AdminForm.client";

const keys = [
  "admin:fieldErrors",
  "admin:errors",
  "admin:done",
  "admin:secret",
  "admin:procedures.errors",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/**
 * A form of the procedure editor or the form builder: the administration form (plain post, error
 * summary, what was typed kept) with the catalogue's messages as well.
 */
export function ProcedureForm(props: Omit<ComponentProps<typeof AdminFormClient>, "messages" | "schema">) {
  return <AdminFormClient {...props} schema="none" messages={getMessages(props.lang, keys)} />;
}
