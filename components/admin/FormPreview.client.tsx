"use client";

import { useActionState, useMemo, type ReactNode } from "react";
import { translator, type Messages } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import type { FormField, FormPage, LocalisedText } from "@/lib/forms/types";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

export type PreviewState = {
  values: Record<string, string | string[]>;
  issues: Record<string, string[]>;
  checked: boolean;
};

const idOf = (path: string) => `preview-${path.replace(/[.[\]]/g, "-")}`;

/**
 * A page of the draft's form as the applicant will see it, posted to the server's checks (works
 * without JavaScript). A simple renderer of its own, until the applicant pages' field renderer
 * (components/forms/fields) is on main; the checks are the applicant's (lib/forms/schema).
 */
export function FormPreview({
  lang,
  page,
  messages,
  action,
}: {
  lang: Lang;
  page: FormPage;
  messages: Messages;
  action: (state: PreviewState, data: FormData) => Promise<PreviewState>;
}) {
  const t = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, { values: {}, issues: {}, checked: false });
  const text = (value: LocalisedText | undefined) => (value ? value[lang] : "");
  const message = (path: string) => {
    const key = state.issues[path]?.[0];
    return key ? t(key) : undefined;
  };
  const links = Object.keys(state.issues).map((path) => ({
    href: `#${idOf(path)}${["date"].includes(fieldAt(page, path)?.type ?? "") ? "-day" : ""}`,
    message: `${text(fieldAt(page, path)?.label) || path}: ${message(path)}`,
  }));
  const value = (path: string) => {
    const v = state.values[path];
    return typeof v === "string" ? v : "";
  };

  function render(field: FormField, path: string): ReactNode {
    const id = idOf(path);
    const error = message(path);
    const hintId = field.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
    const hint = field.hint ? (
      <span className="field__hint" id={hintId}>
        {text(field.hint)}
      </span>
    ) : null;
    const errorLine = error ? (
      <span className="field__error" id={errorId}>
        <span className="visually-hidden">{t("common:errorTitlePrefix")}</span> {error}
      </span>
    ) : null;
    const condition = field.showIf ? (
      <span className="field__hint">
        {t("admin:procedures.preview.conditional", { field: field.showIf.field })}
      </span>
    ) : null;
    const label = `${text(field.label)}${field.required ? "" : ` ${t("admin:procedures.preview.optional")}`}`;
    const wrap = (children: ReactNode, group = false) =>
      group ? (
        <div className={error ? "field field--error" : "field"} key={path}>
          <fieldset aria-describedby={describedBy}>
            <legend>{label}</legend>
            {condition}
            {hint}
            {errorLine}
            {children}
          </fieldset>
        </div>
      ) : (
        <div className={error ? "field field--error" : "field"} key={path}>
          <label className="field__label" htmlFor={id}>
            {label}
          </label>
          {condition}
          {hint}
          {errorLine}
          {children}
        </div>
      );
    switch (field.type) {
      case "textarea":
        return wrap(
          <textarea
            id={id}
            name={path}
            className="textarea"
            rows={4}
            defaultValue={value(path)}
            aria-describedby={describedBy}
          />,
        );
      case "select":
      case "ethnicity":
      case "nationality":
        return wrap(
          field.options?.length ? (
            <select
              id={id}
              name={path}
              className="select"
              defaultValue={value(path)}
              aria-describedby={describedBy}
            >
              <option value="">{t("admin:procedures.preview.choose")}</option>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {text(o.label)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              name={path}
              className="input"
              defaultValue={value(path)}
              aria-describedby={describedBy}
            />
          ),
        );
      case "radio":
      case "yesNo": {
        const options =
          field.type === "yesNo"
            ? [
                { value: "yes", label: { vi: "Có", en: "Yes" } },
                { value: "no", label: { vi: "Không", en: "No" } },
              ]
            : (field.options ?? []);
        return wrap(
          <div className="radios">
            {options.map((o, i) => (
              <label className="radio" key={o.value}>
                <input
                  type="radio"
                  name={path}
                  value={o.value}
                  id={i === 0 ? id : undefined}
                  defaultChecked={value(path) === o.value}
                />
                {text(o.label)}
              </label>
            ))}
          </div>,
          true,
        );
      }
      case "checkboxes": {
        const ticked = state.values[path];
        return wrap(
          <div className="radios">
            {(field.options ?? []).map((o, i) => (
              <label className="radio" key={o.value}>
                <input
                  type="checkbox"
                  name={path}
                  value={o.value}
                  id={i === 0 ? id : undefined}
                  defaultChecked={Array.isArray(ticked) && ticked.includes(o.value)}
                />
                {text(o.label)}
              </label>
            ))}
          </div>,
          true,
        );
      }
      case "date":
        return wrap(
          <div className="date-input">
            {(["day", "month", "year"] as const).map((part) => (
              <span key={part} className="date-input__item">
                <label className="field__label" htmlFor={`${id}-${part}`}>
                  {t(`admin:procedures.preview.${part}`)}
                </label>
                <input
                  id={`${id}-${part}`}
                  name={`${path}.${part}`}
                  className="input input--short"
                  inputMode="numeric"
                  defaultValue={value(`${path}.${part}`)}
                  size={part === "year" ? 4 : 2}
                />
              </span>
            ))}
          </div>,
          true,
        );
      case "address":
        return wrap(
          <>
            {(["province", "commune", "street"] as const).map((part) => (
              <span key={part} className="field">
                <label className="field__label" htmlFor={`${id}-${part}`}>
                  {t(`admin:procedures.preview.${part}`)}
                </label>
                <input
                  id={`${id}-${part}`}
                  name={`${path}.${part}`}
                  className="input"
                  defaultValue={value(`${path}.${part}`)}
                />
              </span>
            ))}
          </>,
          true,
        );
      case "group":
        return wrap(
          <>
            <p>{text(field.itemLabel) || text(field.label)} 1</p>
            {(field.fields ?? []).map((child) => render(child, `${path}[0].${child.name}`))}
          </>,
          true,
        );
      case "document":
        return wrap(
          <input
            id={id}
            name={`doc_${field.documentKey ?? ""}`}
            type="file"
            className="input"
            aria-describedby={describedBy}
          />,
        );
      default:
        return wrap(
          <input
            id={id}
            name={path}
            className="input"
            type={field.type === "email" ? "email" : field.type === "tel" ? "tel" : "text"}
            inputMode={
              ["number", "money", "idNumber", "taxCode"].includes(field.type) ? "numeric" : undefined
            }
            defaultValue={value(path)}
            aria-describedby={describedBy}
            spellCheck={false}
          />,
        );
    }
  }

  return (
    <form action={formAction} noValidate className="admin-form">
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={links} />
      {state.checked && links.length === 0 ? (
        <div className="notice notice--success" role="status">
          <p>{t("admin:procedures.preview.passed")}</p>
        </div>
      ) : null}
      <h3>{text(page.title)}</h3>
      {page.hint ? <p>{text(page.hint)}</p> : null}
      {page.fields.map((field) => render(field, field.name))}
      <button type="submit" className="button" disabled={pending}>
        {t("admin:procedures.preview.check")}
      </button>
    </form>
  );
}

function fieldAt(page: FormPage, path: string): FormField | undefined {
  const [top, rest] = path.split(/\[\d+\]\./);
  const field = page.fields.find((f) => f.name === top?.split(".")[0]);
  if (!rest || !field) return field;
  return field.fields?.find((child) => child.name === rest.split(".")[0]) ?? field;
}
