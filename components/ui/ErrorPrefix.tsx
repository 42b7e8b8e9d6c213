"use client";

import { useT } from "@/components/i18n/I18nProvider";

/**
 * "Error: " (Lỗi: ) before a field's message, for screen readers only, in the page's language.
 * A client component so that server-rendered fields get the word from the page's i18n instance.
 */
export function ErrorPrefix() {
  const t = useT("common");
  return <span className="visually-hidden">{t("errorTitlePrefix")}: </span>;
}
