import type { Lang, Namespace } from "./settings";

/**
 * The strings a client component may show, in the page's language only: "ns:key" → text, picked on
 * the server (getMessages in lib/i18n/server). Sent as a prop, so the browser gets neither i18next
 * nor the other language.
 */
export type Messages = Record<string, string>;

/** A translator for message keys; the server's getT() and translator() both fit. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Looks keys up as i18next does for the portal's strings: "ns:key" or a key of `ns`, the plural form
 * of `count` (key_one, key_other), and {{name}} replaced by its value. A missing key gives the key.
 */
export function translator(lang: Lang, messages: Messages, ns: Namespace): Translate {
  return (key, options = {}) => {
    const full = key.includes(":") ? key : `${ns}:${key}`;
    let text = messages[full];
    if (typeof options.count === "number") {
      let rules = pluralRules.get(lang);
      if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
      text = messages[`${full}_${rules.select(options.count)}`] ?? messages[`${full}_other`] ?? text;
    }
    if (text === undefined) return key.slice(key.indexOf(":") + 1);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
      name in options ? String(options[name]) : placeholder,
    );
  };
}
