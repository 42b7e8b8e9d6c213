import { createInstance, type i18n } from "i18next";
import { resources } from "./resources";
import { defaultLang, namespaces, type Lang } from "./settings";

/** A fresh i18next instance: one per server request, one per browser tree; never shared. */
export function createI18n(lang: Lang): i18n {
  const instance = createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: defaultLang,
    ns: [...namespaces],
    defaultNS: "common",
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
