import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import type { T } from "@/lib/i18n/server";
import type { BulkReport } from "./bulkOutcome";
import { bulkFormId } from "./QueueTable";
import queue from "./queue.module.css";

/**
 * "Assign selected to …": a plain form (the row checkboxes join it by their form attribute) posting
 * to a server action, so it works with JavaScript off; the outcome comes back in the address.
 */
export function BulkAssignForm({
  t,
  action,
  specialists,
  report,
  keptAssignee,
  firstCheckboxId,
}: {
  t: T;
  action: (formData: FormData) => Promise<void>;
  specialists: { id: string; name: string }[];
  report: BulkReport | null;
  keptAssignee?: string;
  firstCheckboxId?: string;
}) {
  const errors =
    report?.kind === "none"
      ? [{ href: `#${firstCheckboxId ?? "bulk-assignee"}`, message: t("queue.bulk.errors.none") }]
      : report?.kind === "noassignee"
        ? [{ href: "#bulk-assignee", message: t("queue.bulk.errors.noassignee") }]
        : [];
  return (
    <section className={queue.bulk} aria-labelledby="bulk-assign-title">
      <h2 id="bulk-assign-title">{t("queue.bulk.title")}</h2>
      <ErrorSummary title={t("queue.bulk.errorTitle")} errors={errors} />
      {report?.kind === "forbidden" || report?.kind === "failed" ? (
        <Notice tone="warning">{t(`queue.bulk.errors.${report.kind}`)}</Notice>
      ) : null}
      {report?.kind === "done" ? (
        <div className={queue.outcomes}>
          {report.assigned.length > 0 ? (
            <Notice tone="success">
              {t("queue.bulk.assigned", { count: report.assigned.length, codes: report.assigned.join(", ") })}
            </Notice>
          ) : null}
          {report.failed.length > 0 ? (
            <Notice tone="warning">
              <p>{t("queue.bulk.failedLead", { count: report.failed.length })}</p>
              <ul>
                {report.failed.map((failure) => (
                  <li key={failure.code}>
                    {failure.code}: {t(`queue.bulk.reasons.${failure.error}`)}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
        </div>
      ) : null}
      <p>{t("queue.bulk.hint")}</p>
      <form id={bulkFormId} action={action}>
        <div className={report?.kind === "noassignee" ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="bulk-assignee">
            {t("queue.bulk.assignee")}
          </label>
          <select className="select" id="bulk-assignee" name="assigneeId" defaultValue={keptAssignee ?? ""}>
            <option value="">{t("queue.bulk.choose")}</option>
            {specialists.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t("queue.bulk.submit")}</Button>
      </form>
    </section>
  );
}
