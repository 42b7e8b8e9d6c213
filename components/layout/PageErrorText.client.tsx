"use client";

import { createContext, useContext, type ReactNode } from "react";
import { translator, type Messages, type Translate } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";

const Context = createContext<Translate>((key) => key);

/** Holds the error page's strings: app/[lang]/error.tsx is a client component that gets no props. */
export function PageErrorTextProvider({
  lang,
  messages,
  children,
}: {
  lang: Lang;
  messages: Messages;
  children: ReactNode;
}) {
  return <Context.Provider value={translator(lang, messages, "errors")}>{children}</Context.Provider>;
}

/** The error page's translator (keys of "errors", or "ns:key"). */
export function usePageErrorText(): Translate {
  return useContext(Context);
}
