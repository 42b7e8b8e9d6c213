/*
 * The field renderer: one form page's fields as plain HTML inputs named as lib/forms/posted reads
 * them, so a page posts and works with JavaScript off. No hooks and no server-only imports: it
 * renders in a server component (the builder's preview) and inside the filing page's client form.
 */
import type { ReactNode } from "react";
import type { FormField, FormPage } from "@/lib/forms/types";
import type { Lang } from "@/lib/i18n/settings";
import { translator, type Messages, type Translate } from "@/lib/i18n/messages";
import { ErrorPrefix } from "@/components/ui/ErrorPrefix";
import { conditionHolds, type Answers } from "@/lib/forms/flow";
import { groupActionName, inputId, splitDate } from "@/lib/forms/posted";
import type { AnswerIssues as Issues } from "@/lib/forms/schema";
import styles from "./fields.module.css";

export type Place = { code: string; name: string };
export type Lookups = {
  provinces: Place[];
  /** Communes by province code; a province missing here: the commune is typed as text. */
  communes: Record<string, Place[]>;
  /** Ethnicities and nationalities, as value + name in the page's language. */
  ethnicities?: Place[];
  nationalities?: Place[];
};

export type AttachedFile = { id: string; fileName: string; size: string };

/** A file being sent with JavaScript on: its name and how much has gone. */
export type UploadProgress = { name: string; percent: number; failed?: boolean };

/** The strings the renderer shows (pass them to getMessages for `messages`). */
export const fieldMessageKeys = [
  "forms:optional",
  "forms:choose",
  "forms:errors",
  "forms:fields",
  "common:errorTitlePrefix",
];

type Context = {
  lang: Lang;
  t: Translate;
  lookups: Lookups;
  issues: Issues;
  /** Files attached per document key (document fields). */
  files: Record<string, AttachedFile[]>;
  progress: Record<string, UploadProgress[]>;
  /** The only question on the page: its label is the page's heading. */
  heading: boolean;
  /** The control is disabled (the builder's preview may show it read-only). */
  disabled?: boolean;
};

type FieldProps = { field: FormField; name: string; value: unknown; context: Context };

function messageParams(field: FormField): Record<string, unknown> {
  return {
    minLength: field.minLength,
    maxLength: field.maxLength,
    min: field.min,
    max: field.max,
    minItems: field.minItems,
    maxItems: field.maxItems,
  };
}

/** A field's message (its own override first), translated. */
export function fieldMessage(field: FormField | undefined, key: string, t: Translate, lang: Lang): string {
  const [messageKey, subject] = key.split(/::(.*)/s);
  const override = field?.messages?.[messageKey ?? key]?.[lang];
  const text = override ?? t(messageKey ?? key, field ? messageParams(field) : {});
  return subject ? `${subject}: ${text}` : text;
}

function errorOf(context: Context, field: FormField, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const first = context.issues[key]?.[0];
    if (first) return fieldMessage(field, first, context.t, context.lang);
  }
  return undefined;
}

function labelText(field: FormField, context: Context): string {
  return field.required ? field.label[context.lang] : `${field.label[context.lang]} ${context.t("optional")}`;
}

function describedBy(id: string, hint: boolean, error: boolean, more: string[] = []) {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null, ...more].filter(Boolean).join(" ") || undefined
  );
}

function Hint({ id, field, context }: { id: string; field: FormField; context: Context }) {
  const hint = field.hint?.[context.lang];
  return hint ? (
    <span className="field__hint" id={`${id}-hint`}>
      {hint}
    </span>
  ) : null;
}

function ErrorLine({ id, error, context }: { id: string; error: string | undefined; context: Context }) {
  return error ? (
    <span className="field__error" id={`${id}-error`}>
      <ErrorPrefix text={context.t("common:errorTitlePrefix")} />
      {error}
    </span>
  ) : null;
}

/** One input with a label (heading when it is the page's only question). */
function Single({
  field,
  name,
  context,
  error,
  children,
}: {
  field: FormField;
  name: string;
  context: Context;
  error: string | undefined;
  children: ReactNode;
}) {
  const id = inputId(name);
  const label = (
    <label className={context.heading ? `field__label ${styles.headingLabel}` : "field__label"} htmlFor={id}>
      {labelText(field, context)}
    </label>
  );
  return (
    <div className={error ? "field field--error" : "field"}>
      {context.heading ? <h1 className={styles.heading}>{label}</h1> : label}
      <Hint id={id} field={field} context={context} />
      <ErrorLine id={id} error={error} context={context} />
      {children}
    </div>
  );
}

/** Several inputs under one question: a fieldset whose legend is the question. */
function Group({
  field,
  name,
  context,
  error,
  children,
}: {
  field: FormField;
  name: string;
  context: Context;
  error: string | undefined;
  children: ReactNode;
}) {
  const id = inputId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error))}>
        <legend className={context.heading ? styles.headingLegend : undefined}>
          {context.heading ? (
            <h1 className={styles.heading}>{labelText(field, context)}</h1>
          ) : (
            labelText(field, context)
          )}
        </legend>
        <Hint id={id} field={field} context={context} />
        <ErrorLine id={id} error={error} context={context} />
        {children}
      </fieldset>
    </div>
  );
}

const text = (value: unknown) =>
  value === undefined || value === null
    ? ""
    : Array.isArray(value)
      ? ""
      : typeof value === "object"
        ? ""
        : String(value);

export function TextInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  const kind = {
    email: { type: "email", autoComplete: "email", spellCheck: false },
    tel: { type: "tel", autoComplete: "tel", className: "input input--short" },
    idNumber: {
      inputMode: "numeric",
      autoComplete: "off",
      spellCheck: false,
      className: "input input--short",
    },
    taxCode: {
      inputMode: "numeric",
      autoComplete: "off",
      spellCheck: false,
      className: "input input--short",
    },
    number: { inputMode: "decimal", className: "input input--short" },
  }[field.type as string] as Record<string, unknown> | undefined;
  return (
    <Single field={field} name={name} context={context} error={error}>
      <input
        id={id}
        name={name}
        className="input"
        defaultValue={text(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error))}
        disabled={context.disabled}
        {...kind}
      />
    </Single>
  );
}

export function TextareaInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  return (
    <Single field={field} name={name} context={context} error={error}>
      <textarea
        id={id}
        name={name}
        className="textarea"
        rows={5}
        defaultValue={text(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error))}
        disabled={context.disabled}
      />
    </Single>
  );
}

export function MoneyInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  return (
    <Single field={field} name={name} context={context} error={error}>
      <span className={styles.suffixed}>
        <input
          id={id}
          name={name}
          className="input input--short"
          inputMode="numeric"
          defaultValue={text(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error))}
          disabled={context.disabled}
        />
        <span className={styles.suffix} aria-hidden="true">
          {context.t("fields.currency")}
        </span>
      </span>
    </Single>
  );
}

export function DateInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  const parts = splitDate(value);
  const box = (part: "day" | "month" | "year", width: string) => (
    <div className={styles.dateItem}>
      <label className={styles.dateLabel} htmlFor={`${id}-${part}`}>
        {context.t(`fields.${part}`)}
      </label>
      <input
        id={`${id}-${part}`}
        name={`${name}.${part}`}
        className={`input ${width}`}
        inputMode="numeric"
        autoComplete="off"
        maxLength={part === "year" ? 4 : 2}
        defaultValue={parts[part]}
        aria-invalid={error ? true : undefined}
        disabled={context.disabled}
      />
    </div>
  );
  return (
    <Group
      field={{
        ...field,
        hint: field.hint ?? { vi: context.t("fields.dateHint"), en: context.t("fields.dateHint") },
      }}
      name={name}
      context={context}
      error={error}
    >
      <div className={styles.date}>
        {box("day", styles.width2!)}
        {box("month", styles.width2!)}
        {box("year", styles.width4!)}
      </div>
    </Group>
  );
}

function optionsOf(field: FormField, context: Context): Place[] {
  if (field.type === "ethnicity") return context.lookups.ethnicities ?? [];
  if (field.type === "nationality") return context.lookups.nationalities ?? [];
  if (field.type === "yesNo")
    return [
      { code: "yes", name: context.t("fields.yes") },
      { code: "no", name: context.t("fields.no") },
    ];
  return (field.options ?? []).map((option) => ({ code: option.value, name: option.label[context.lang] }));
}

export function SelectInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  const options = optionsOf(field, context);
  const current = text(value);
  // The lists (lib/forms/lists) not given: the answer is typed.
  if (options.length === 0 && field.type !== "select")
    return <TextInput field={field} name={name} value={value} context={context} />;
  return (
    <Single field={field} name={name} context={context} error={error}>
      <select
        id={id}
        name={name}
        className="select"
        defaultValue={current}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error))}
        disabled={context.disabled}
      >
        <option value="">{context.t("choose")}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
        {current !== "" && !options.some((option) => option.code === current) ? (
          <option value={current}>{current}</option>
        ) : null}
      </select>
    </Single>
  );
}

/** Radios (also yes/no) and checkboxes: large touch targets, the first one carrying the field's id. */
export function ChoiceInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  const multiple = field.type === "checkboxes";
  const chosen = multiple ? (Array.isArray(value) ? value.map(String) : []) : [text(value)];
  const options = optionsOf(field, context);
  return (
    <Group field={field} name={name} context={context} error={error}>
      <div className={field.type === "yesNo" ? `${styles.choices} ${styles.inline}` : styles.choices}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className={styles.choice} key={option.code}>
              <input
                id={optionId}
                name={name}
                type={multiple ? "checkbox" : "radio"}
                value={option.code}
                defaultChecked={chosen.includes(option.code)}
                disabled={context.disabled}
              />
              <label htmlFor={optionId}>{option.name}</label>
            </div>
          );
        })}
      </div>
    </Group>
  );
}

export function AddressInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const address = (value && typeof value === "object" ? value : {}) as Record<string, string | undefined>;
  const error = errorOf(context, field, name);
  const part = (key: string) => errorOf(context, field, `${name}.${key}`);
  const { provinces, communes } = context.lookups;
  const province = address.province ?? "";
  const hasCommunes = Object.keys(communes).length > 0;
  const subfield = (key: "province" | "commune" | "street", control: ReactNode) => {
    const subError = part(key);
    return (
      <div className={subError ? "field field--error" : "field"}>
        <label className="field__label" htmlFor={`${id}-${key}`}>
          {key === "commune" && !hasCommunes ? context.t("fields.communeFree") : context.t(`fields.${key}`)}
        </label>
        <ErrorLine id={`${id}-${key}`} error={subError} context={context} />
        {control}
      </div>
    );
  };
  const invalid = (key: string) => (part(key) ? true : undefined);
  return (
    <Group field={field} name={name} context={context} error={error}>
      {subfield(
        "province",
        provinces.length > 0 ? (
          <select
            id={`${id}-province`}
            name={`${name}.province`}
            className="select"
            defaultValue={province}
            data-province-select={`${id}-commune`}
            aria-invalid={invalid("province")}
            aria-describedby={part("province") ? `${id}-province-error` : undefined}
            disabled={context.disabled}
          >
            <option value="">{context.t("choose")}</option>
            {provinces.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-province`}
            name={`${name}.province`}
            className="input"
            defaultValue={province}
            aria-invalid={invalid("province")}
            disabled={context.disabled}
          />
        ),
      )}
      {subfield(
        "commune",
        hasCommunes ? (
          <select
            id={`${id}-commune`}
            name={`${name}.commune`}
            className="select"
            defaultValue={address.commune ?? ""}
            aria-invalid={invalid("commune")}
            aria-describedby={part("commune") ? `${id}-commune-error` : undefined}
            disabled={context.disabled}
          >
            <option value="">{context.t("choose")}</option>
            {provinces
              .filter((option) => communes[option.code]?.length)
              .map((option) => (
                <optgroup key={option.code} label={option.name} data-province={option.code}>
                  {communes[option.code]!.map((commune) => (
                    <option key={commune.code} value={commune.code}>
                      {commune.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        ) : (
          <input
            id={`${id}-commune`}
            name={`${name}.commune`}
            className="input"
            defaultValue={address.commune ?? ""}
            aria-invalid={invalid("commune")}
            disabled={context.disabled}
          />
        ),
      )}
      {subfield(
        "street",
        <input
          id={`${id}-street`}
          name={`${name}.street`}
          className="input"
          autoComplete="street-address"
          defaultValue={address.street ?? ""}
          aria-invalid={invalid("street")}
          aria-describedby={part("street") ? `${id}-street-error` : undefined}
          disabled={context.disabled}
        />,
      )}
    </Group>
  );
}

/**
 * Repeatable items: each item's fields under "<item> n" with a Remove button, then "Add another".
 * The buttons post `groupAction` (groupActionName) = "add:<group>" or "remove:<group>:<index>" (the page saves what
 * was typed, changes the items and shows the page again): they work with JavaScript off.
 */
export function GroupInput({ field, name, value, context }: FieldProps) {
  const id = inputId(name);
  const error = errorOf(context, field, name);
  const items = Array.isArray(value) ? (value as Answers[]) : [];
  const itemLabel = field.itemLabel?.[context.lang] ?? context.t("fields.item");
  const canAdd = field.maxItems === undefined || items.length < field.maxItems;
  return (
    <Group field={field} name={name} context={context} error={error}>
      {items.length === 0 ? <p className="muted">{context.t("fields.noItems")}</p> : null}
      {items.map((item, index) => (
        <fieldset key={index} className={styles.item} id={`${id}-${index}`}>
          <legend className={styles.itemLegend}>
            {context.t("fields.itemHeading", { item: itemLabel, number: index + 1 })}
          </legend>
          {(field.fields ?? [])
            .filter((child) => conditionHolds(child.showIf, item))
            .map((child) => (
              <FieldInput
                key={child.name}
                field={child}
                name={`${name}[${index}].${child.name}`}
                value={item[child.name]}
                context={{ ...context, heading: false }}
              />
            ))}
          <button
            type="submit"
            name={groupActionName}
            value={`remove:${name}:${index}`}
            className="button button--secondary"
            formNoValidate
            data-skip-validation=""
            disabled={context.disabled}
          >
            {context.t("fields.remove")}
            <span className="visually-hidden">
              {" "}
              {context.t("fields.itemHeading", { item: itemLabel, number: index + 1 })}
            </span>
          </button>
        </fieldset>
      ))}
      {canAdd ? (
        <button
          type="submit"
          id={`${id}-add`}
          name={groupActionName}
          value={`add:${name}`}
          className="button button--secondary"
          formNoValidate
          data-skip-validation=""
          disabled={context.disabled}
        >
          {context.t("fields.addAnother", { item: itemLabel.toLocaleLowerCase(context.lang) })}
        </button>
      ) : null}
    </Group>
  );
}

/** A file input named doc_<documentKey>, the limits said before upload, the files attached with Remove. */
export function DocumentInput({ field, context }: FieldProps) {
  const key = field.documentKey ?? field.name;
  const id = inputId(`doc_${key}`);
  const error = errorOf(context, field, `doc_${key}`, field.name);
  const attached = context.files[key] ?? [];
  const errors = context.issues[`doc_${key}`] ?? [];
  return (
    <Single field={field} name={`doc_${key}`} context={context} error={error}>
      <span className="field__hint" id={`${id}-limits`}>
        {context.t("fields.fileLimits")}
      </span>
      {errors.length > 1 ? (
        <ul className={styles.fileErrors}>
          {errors.slice(1).map((message) => (
            <li key={message} className="field__error">
              {fieldMessage(field, message, context.t, context.lang)}
            </li>
          ))}
        </ul>
      ) : null}
      {attached.length > 0 ? (
        <ul className={styles.files} aria-label={context.t("fields.filesAttached")}>
          {attached.map((file) => (
            <li key={file.id}>
              <span className={styles.fileName}>{file.fileName}</span>{" "}
              <span className="muted small">({file.size})</span>{" "}
              <button
                type="submit"
                name="remove"
                value={file.id}
                className="link-button"
                formNoValidate
                data-skip-validation=""
                disabled={context.disabled}
              >
                {context.t("fields.remove")}
                <span className="visually-hidden"> {file.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        name={`doc_${key}`}
        type="file"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.heic,.heif,application/pdf,image/jpeg,image/png,image/heic,image/heif"
        className={styles.fileInput}
        data-document={key}
        aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error), [`${id}-limits`])}
        aria-invalid={error ? true : undefined}
        disabled={context.disabled}
      />
      <ul className={styles.progress} aria-live="polite">
        {(context.progress[key] ?? []).map((item) => (
          <li key={item.name}>
            {item.failed ? (
              context.t("fields.uploadFailed", { name: item.name })
            ) : item.percent >= 100 ? (
              context.t("fields.uploaded", { name: item.name })
            ) : (
              <>
                {context.t("fields.uploading", { name: item.name, percent: item.percent })}{" "}
                <progress max={100} value={item.percent} aria-hidden="true" />
              </>
            )}
          </li>
        ))}
      </ul>
    </Single>
  );
}

/** One field of any type. */
export function FieldInput(props: FieldProps) {
  switch (props.field.type) {
    case "textarea":
      return <TextareaInput {...props} />;
    case "money":
      return <MoneyInput {...props} />;
    case "date":
      return <DateInput {...props} />;
    case "select":
    case "ethnicity":
    case "nationality":
      return <SelectInput {...props} />;
    case "radio":
    case "checkboxes":
    case "yesNo":
      return <ChoiceInput {...props} />;
    case "address":
      return <AddressInput {...props} />;
    case "group":
      return <GroupInput {...props} />;
    case "document":
      return <DocumentInput {...props} />;
    default:
      return <TextInput {...props} />;
  }
}

/**
 * The fields shown on a page for these answers. A field whose condition reads another field of the
 * same page is rendered anyway, marked data-show-if (the page's script hides it until it applies;
 * without JavaScript it is there, and the server ignores it when its condition does not hold).
 */
export function FormPageFields({
  page,
  answers,
  issues,
  lang,
  messages,
  lookups,
  files = {},
  progress = {},
  disabled,
  pageHeading = true,
}: {
  page: FormPage;
  answers: Answers;
  issues: Issues;
  lang: Lang;
  messages: Messages;
  lookups: Lookups;
  files?: Record<string, AttachedFile[]>;
  progress?: Record<string, UploadProgress[]>;
  disabled?: boolean;
  /** A page's only question is its heading (h1); off where several pages share one form (the desk). */
  pageHeading?: boolean;
}) {
  const t = translator(lang, messages, "forms");
  const onPage = new Set(page.fields.map((field) => field.name));
  const fields = page.fields.filter(
    (field) => conditionHolds(field.showIf, answers) || (field.showIf && onPage.has(field.showIf.field)),
  );
  const context: Context = {
    lang,
    t,
    lookups,
    issues,
    files,
    progress,
    heading: pageHeading && fields.length === 1,
    disabled,
  };
  return (
    <>
      {fields.map((field) => {
        const input = (
          <FieldInput
            key={field.name}
            field={field}
            name={field.name}
            value={answers[field.name]}
            context={context}
          />
        );
        return field.showIf && onPage.has(field.showIf.field) ? (
          <div key={field.name} data-show-if={JSON.stringify(field.showIf)}>
            {input}
          </div>
        ) : (
          input
        );
      })}
    </>
  );
}

/** Whether the page's one question is its heading (then the page shows no other h1). */
export function labelIsHeading(page: FormPage, answers: Answers): boolean {
  const onPage = new Set(page.fields.map((field) => field.name));
  return (
    page.fields.filter(
      (field) => conditionHolds(field.showIf, answers) || (field.showIf && onPage.has(field.showIf.field)),
    ).length === 1
  );
}
