import type { ReactNode } from "react";
import { getMessages } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { PageErrorTextProvider } from "./PageErrorText.client";

/** The strings of app/[lang]/error.tsx, in the page's language only. */
const keys = ["errors:serverError", "errors:notFound.home", "forms:staleAction.reloading"];

export function PageErrorText({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <PageErrorTextProvider lang={lang} messages={getMessages(lang, keys)}>
      {children}
    </PageErrorTextProvider>
  );
}
