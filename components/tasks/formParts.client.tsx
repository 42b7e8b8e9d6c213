"use client";

import type { Translate } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";
import type { FormIssues } from "@/components/forms/FormIssues";
import { FieldShell, TextField } from "@/components/ui/Field";
import styles from "./tasks.module.css";

export type AgencyOption = { id: string; code: string; name: string };
export type OfficerOption = { agencyId: string; id: string; name: string };

/**
 * The deadline: a date, or N working days from today (and, when changing a task, "keep it"). Radios
 * with their inputs under them; all shown, so it works without JavaScript.
 */
export function DeadlineFields({
  idPrefix,
  t,
  issues,
  errorPrefix,
  values,
  allowKeep = false,
  legend,
}: {
  idPrefix: string;
  t: Translate;
  issues: FormIssues;
  errorPrefix: string;
  values: Record<string, string>;
  allowKeep?: boolean;
  legend: string;
}) {
  const kind = values.deadlineKind || (allowKeep ? "keep" : "date");
  const error = issues.message("deadline");
  const kinds = allowKeep ? (["keep", "date", "working_days"] as const) : (["date", "working_days"] as const);
  return (
    <fieldset className={styles.fieldset} id={`${idPrefix}-deadline`} tabIndex={-1}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error">
          <span className="visually-hidden">{errorPrefix}: </span>
          {error}
        </p>
      ) : null}
      {kinds.map((option) => (
        <div key={option}>
          <div className={styles.choice}>
            <input
              type="radio"
              id={`${idPrefix}-deadline-${option}`}
              name="deadlineKind"
              value={option}
              defaultChecked={kind === option}
            />
            <label htmlFor={`${idPrefix}-deadline-${option}`}>
              {t(
                option === "keep"
                  ? "tasks.deadline.keep"
                  : option === "date"
                    ? "tasks.deadline.date"
                    : "tasks.deadline.workingDays",
              )}
            </label>
          </div>
          {option === "date" ? (
            <div className={styles.nested}>
              <TextField
                id={`${idPrefix}-deadline-date-value`}
                name="deadlineDate"
                type="date"
                className="input--short"
                label={t("tasks.deadline.dateLabel")}
                defaultValue={values.deadlineDate ?? ""}
                error={issues.message("deadline.date")}
                errorPrefix={errorPrefix}
              />
            </div>
          ) : null}
          {option === "working_days" ? (
            <div className={styles.nested}>
              <TextField
                id={`${idPrefix}-deadline-days-value`}
                name="deadlineDays"
                inputMode="numeric"
                className="input--short"
                label={t("tasks.deadline.daysLabel")}
                hint={t("tasks.deadline.daysHint")}
                defaultValue={values.deadlineDays ?? ""}
                error={issues.message("deadline.days")}
                errorPrefix={errorPrefix}
              />
            </div>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

/** The officer, grouped by agency (a plain select: works without JavaScript; the service checks the pair). */
export function OfficerSelect({
  id,
  label,
  hint,
  emptyLabel,
  agencies,
  officers,
  value,
  error,
  errorPrefix,
}: {
  id: string;
  label: string;
  hint?: string;
  emptyLabel: string;
  agencies: AgencyOption[];
  officers: OfficerOption[];
  value: string;
  error: string | undefined;
  errorPrefix: string;
  lang?: Lang;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} errorPrefix={errorPrefix}>
      <select
        id={id}
        name="ownerUserId"
        className={`select ${styles.select}`}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
        }
      >
        <option value="">{emptyLabel}</option>
        {agencies
          .filter((agency) => officers.some((officer) => officer.agencyId === agency.id))
          .map((agency) => (
            <optgroup key={agency.id} label={agency.name}>
              {officers
                .filter((officer) => officer.agencyId === agency.id)
                .map((officer) => (
                  <option key={`${agency.id}:${officer.id}`} value={`${agency.id}:${officer.id}`}>
                    {officer.name}
                  </option>
                ))}
            </optgroup>
          ))}
      </select>
    </FieldShell>
  );
}
