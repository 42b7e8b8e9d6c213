"use client";

import { useState, useSyncExternalStore } from "react";
import type { Translate } from "@/lib/i18n/messages";
import type { FormIssues } from "@/components/forms/FormIssues";
import { FieldShell, SelectField, TextField } from "@/components/ui/Field";
import styles from "./tasks.module.css";

export type AgencyOption = { id: string; code: string; name: string };
export type OfficerOption = { agencyId: string; id: string; name: string };

/**
 * The deadline: a date, or N working days from today (and, when changing a task, "keep it"). Radios
 * with their inputs under them; all shown, so it works without JavaScript. `fieldPrefix` names the
 * inputs, values and messages of one task among several ("tasks.1.").
 */
export function DeadlineFields({
  idPrefix,
  fieldPrefix = "",
  t,
  issues,
  errorPrefix,
  values,
  allowKeep = false,
  legend,
}: {
  idPrefix: string;
  fieldPrefix?: string;
  t: Translate;
  issues: FormIssues;
  errorPrefix: string;
  values: Record<string, string>;
  allowKeep?: boolean;
  legend: string;
}) {
  const kind = values[`${fieldPrefix}deadlineKind`] || (allowKeep ? "keep" : "date");
  const error = issues.message(`${fieldPrefix}deadline`);
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
              name={`${fieldPrefix}deadlineKind`}
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
                name={`${fieldPrefix}deadlineDate`}
                type="date"
                className="input--short"
                label={t("tasks.deadline.dateLabel")}
                defaultValue={values[`${fieldPrefix}deadlineDate`] ?? ""}
                error={issues.message(`${fieldPrefix}deadline.date`)}
                errorPrefix={errorPrefix}
              />
            </div>
          ) : null}
          {option === "working_days" ? (
            <div className={styles.nested}>
              <TextField
                id={`${idPrefix}-deadline-days-value`}
                name={`${fieldPrefix}deadlineDays`}
                inputMode="numeric"
                className="input--short"
                label={t("tasks.deadline.daysLabel")}
                hint={t("tasks.deadline.daysHint")}
                defaultValue={values[`${fieldPrefix}deadlineDays`] ?? ""}
                error={issues.message(`${fieldPrefix}deadline.days`)}
                errorPrefix={errorPrefix}
              />
            </div>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

const noSubscription = () => () => {};

/**
 * The owner agency and its officer. Without JavaScript the officer list holds every agency's
 * officers, grouped (the service refuses an officer of another agency); with it, only the chosen
 * agency's. The officer's value is "agencyId:userId".
 */
export function OwnerFields({
  idPrefix,
  fieldPrefix = "",
  labels,
  issues,
  errorPrefix,
  agencies,
  officers,
  agencyValue,
  officerValue,
}: {
  idPrefix: string;
  fieldPrefix?: string;
  labels: {
    agency: string;
    agencyPlaceholder?: string;
    officer: string;
    officerHint: string;
    noOfficer: string;
  };
  issues: FormIssues;
  errorPrefix: string;
  agencies: AgencyOption[];
  officers: OfficerOption[];
  agencyValue: string;
  officerValue: string;
}) {
  // False on the server and in a browser without JavaScript: no filtering there.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [agencyId, setAgencyId] = useState(agencyValue);
  const filter = scripted && agencyId ? agencyId : null;
  const shown = filter ? agencies.filter((agency) => agency.id === filter) : agencies;
  const officerId = `${idPrefix}-ownerUserId`;
  const officerError = issues.message(`${fieldPrefix}ownerUserId`);
  const kept = !filter || officerValue.startsWith(`${filter}:`) ? officerValue : "";
  return (
    <>
      <SelectField
        id={`${idPrefix}-ownerAgencyId`}
        name={`${fieldPrefix}ownerAgencyId`}
        label={labels.agency}
        className={`select ${styles.select}`}
        placeholder={labels.agencyPlaceholder}
        defaultValue={agencyValue}
        onChange={(event) => setAgencyId(event.currentTarget.value)}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        error={issues.message(`${fieldPrefix}ownerAgencyId`)}
        errorPrefix={errorPrefix}
      />
      <FieldShell
        id={officerId}
        label={labels.officer}
        hint={labels.officerHint}
        error={officerError}
        errorPrefix={errorPrefix}
      >
        <select
          key={filter ?? "all"}
          id={officerId}
          name={`${fieldPrefix}ownerUserId`}
          className={`select ${styles.select}`}
          defaultValue={kept}
          aria-invalid={officerError ? true : undefined}
          aria-describedby={[`${officerId}-hint`, officerError ? `${officerId}-error` : null]
            .filter(Boolean)
            .join(" ")}
        >
          <option value="">{labels.noOfficer}</option>
          {shown
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
    </>
  );
}
