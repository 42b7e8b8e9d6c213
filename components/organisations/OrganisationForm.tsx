import type { ComponentProps } from "react";
import { getMessages } from "@/lib/i18n/server";
import { OrganisationFormClient } from "./OrganisationForm.client";

const keys = ["organisations:errors", "forms:errors", "common:errorTitlePrefix", "common:errorSummaryTitle"];

/** An organisation page's form, given the messages its checks may give in the page's language. */
export function OrganisationForm(props: Omit<ComponentProps<typeof OrganisationFormClient>, "messages">) {
  return <OrganisationFormClient {...props} messages={getMessages(props.lang, keys)} />;
}
