import type { ReactNode } from "react";
import type { T } from "@/lib/i18n/server";
import type { Outcome } from "./outcome";
import styles from "./meetings.module.css";

/** An issue's message key, in whichever namespace it lives, as text. */
export function message(t: T, key: string): string {
  if (key === "classified") return t("workspace:meetings.errors.classified");
  if (key.startsWith("meetings.")) return t(`workspace:${key}`);
  if (key.startsWith("errors.personalData."))
    return t(`staff:publish.fieldErrors.personalData.${key.split(".").pop()}`);
  if (key.includes(":")) return t(key);
  return t(`forms:${key}`);
}

/** The id of a field of one meeting form (unique on the page: op, item, field). */
export function fieldId(op: string, itemId: string | undefined, field: string): string {
  return [op, itemId, field].filter(Boolean).join("-");
}

/** What one form shows of the outcome: its fields' errors and the text typed. */
export function formView(outcome: Outcome | null, op: string, itemId: string | undefined, t: T) {
  const mine = outcome && !outcome.done && outcome.op === op && (outcome.itemId ?? undefined) === itemId;
  return {
    error: (field: string): string | undefined => {
      const keys = mine ? outcome.issues[field] : undefined;
      return keys && keys.length > 0 ? keys.map((key) => message(t, key)).join(" ") : undefined;
    },
    value: (field: string): string | undefined => (mine ? outcome.values[field] : undefined),
    formError: mine ? t(`workspace:meetings.errors.${outcome.error}`) : undefined,
  };
}

/** The page's error summary entries: each field message linking to its field, else the form. */
export function summaryErrors(outcome: Outcome | null, t: T) {
  if (!outcome || outcome.done) return [];
  const fields = Object.entries(outcome.issues);
  if (fields.length === 0)
    return [
      {
        href: `#form-${outcome.op}${outcome.itemId ? `-${outcome.itemId}` : ""}`,
        message: t(`workspace:meetings.errors.${outcome.error}`),
      },
    ];
  return fields.flatMap(([field, keys]) =>
    keys.map((key) => ({ href: `#${fieldId(outcome.op, outcome.itemId, field)}`, message: message(t, key) })),
  );
}

/** A plain form posting to the meetings' server action: it works with JavaScript off. */
export function OpForm({
  action,
  lang,
  op,
  meetingId,
  version,
  itemId,
  extra,
  children,
  inline,
  label,
}: {
  action: (formData: FormData) => Promise<void>;
  lang: string;
  op: string;
  meetingId: string;
  /** The meeting's version as the page shows it: a guarded post made on an older one is refused. */
  version: number;
  itemId?: string;
  extra?: Record<string, string>;
  children: ReactNode;
  inline?: boolean;
  label?: string;
}) {
  return (
    <form
      action={action}
      id={`form-${op}${itemId ? `-${itemId}` : ""}`}
      className={inline ? styles.inline : undefined}
      aria-label={label}
      tabIndex={-1}
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
