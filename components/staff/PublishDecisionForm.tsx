import type { ComponentProps } from "react";
import { getMessages, getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { SummaryList } from "@/components/ui/SummaryList";
import { PublishDecisionFormClient } from "./PublishDecisionForm.client";
import styles from "./staff.module.css";

/** Its own strings and the messages the server may give. */
const keys = [
  "staff:publish",
  "staff:errors",
  "forms:errors",
  "common:errorTitlePrefix",
  "common:errorSummaryTitle",
];

/** "Publish the decision", given its strings in the page's language (no i18next in the browser). */
export function PublishDecisionForm(
  props: Omit<ComponentProps<typeof PublishDecisionFormClient>, "messages">,
) {
  return <PublishDecisionFormClient {...props} messages={getMessages(props.lang, keys)} />;
}

/** The decision already in the public register, shown where the publish form was: it is published once. */
export async function PublishedDecision({
  lang,
  decision,
}: {
  lang: Lang;
  /** values already formatted for the page's language */
  decision: { number: string; issuedOn: string; agency: string; summary: string; href: string };
}) {
  const t = await getT(lang, "staff");
  return (
    <section className={styles.action} aria-labelledby="published-title">
      <h3 id="published-title">{t("published.title")}</h3>
      <SummaryList
        rows={[
          { key: t("published.number"), value: decision.number },
          { key: t("published.issuedOn"), value: decision.issuedOn },
          { key: t("published.agency"), value: decision.agency },
          { key: t("published.summary"), value: decision.summary },
        ]}
      />
      <p>
        <a href={decision.href}>{t("published.link")}</a>
      </p>
    </section>
  );
}
