"use client";

import { useState, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createI18n } from "@/lib/i18n/instance";
import type { Lang, Namespace } from "@/lib/i18n/settings";

/** Gives client components their own i18next instance in the page's language. */
export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [instance] = useState(() => createI18n(lang));
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

export function useT(ns: Namespace = "common") {
  return useTranslation(ns).t;
}
