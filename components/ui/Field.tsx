import type { ComponentProps, ReactNode } from "react";
import { ErrorPrefix } from "./ErrorPrefix";

/**
 * A field's message, already translated, and the word said before it ("Error"/"Lỗi", common:
 * errorTitlePrefix): a field that can show a message must be given the word in the page's language.
 */
type ErrorProps =
  { error?: undefined; errorPrefix?: string } | { error: string | undefined; errorPrefix: string };

type Common = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown as the page's legend-like label when the field is the page's only question. */
  labelClassName?: string;
} & ErrorProps;

function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldShell({
  id,
  label,
  hint,
  error,
  errorPrefix,
  labelClassName,
  children,
}: Common & { children: ReactNode }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className={["field__label", labelClassName].filter(Boolean).join(" ")} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {errorPrefix ? <ErrorPrefix text={errorPrefix} /> : null}
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  errorPrefix,
  className,
  ...input
}: Common & Omit<ComponentProps<"input">, "id">) {
  return (
    <FieldShell id={id} label={label} hint={hint} {...({ error, errorPrefix } as ErrorProps)}>
      <input
        id={id}
        name={input.name ?? id}
        className={["input", className].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  errorPrefix,
  ...input
}: Common & Omit<ComponentProps<"textarea">, "id">) {
  return (
    <FieldShell id={id} label={label} hint={hint} {...({ error, errorPrefix } as ErrorProps)}>
      <textarea
        id={id}
        name={input.name ?? id}
        className="textarea"
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export type SelectOption = { value: string; label: string; group?: string };

/** Options in their groups, in the order each group first appears; ungrouped ones under undefined. */
function groupedOptions(options: SelectOption[]): [string | undefined, SelectOption[]][] {
  const groups = new Map<string | undefined, SelectOption[]>();
  for (const option of options) groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  return [...groups];
}

export function SelectField({
  id,
  label,
  hint,
  error,
  errorPrefix,
  options,
  placeholder,
  ...select
}: Common &
  Omit<ComponentProps<"select">, "id"> & {
    /** Options with a `group` are listed under it (communes under their province). */
    options: SelectOption[];
    placeholder?: string;
  }) {
  return (
    <FieldShell id={id} label={label} hint={hint} {...({ error, errorPrefix } as ErrorProps)}>
      <select
        id={id}
        name={select.name ?? id}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {groupedOptions(options).map(([group, list]) => {
          const items = list.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ));
          return group ? (
            <optgroup key={group} label={group}>
              {items}
            </optgroup>
          ) : (
            items
          );
        })}
      </select>
    </FieldShell>
  );
}
