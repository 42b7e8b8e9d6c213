import type { Metadata } from "next";
import { connection } from "next/server";
import { getT, resolveLang, resolveListingQuery } from "@/lib/i18n/server";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { lookupSchema } from "@/lib/dossiers/schema";
import { getPublicStatus } from "@/lib/dossiers/service";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { StatusTag, Tag } from "@/components/ui/StatusTag";
import { appointmentState, endOf, isOverdue } from "@/lib/dossiers/rules";
import { SummaryList } from "@/components/ui/SummaryList";
import { localized } from "@/lib/i18n/localized";

type Props = { params: Promise<{ lang: string }> };

/**
 * No code yet: just the form, the same for everyone (cached). A code: either its error message key
 * or the code to look up, whose status is read for this request only.
 */
async function readCode(params: Props["params"]) {
  const raw = (await resolveListingQuery(params)).code;
  const typed = Array.isArray(raw) ? raw[0] : raw;
  if (typed === undefined) return { typed: "" as const };
  const parsed = lookupSchema.safeParse({ code: typed });
  if (!parsed.success) return { typed, error: parsed.error.issues[0]?.message ?? "errors.codeFormat" };
  // Agency codes are upper case (H33); people often type them in lower case.
  return { typed, code: parsed.data.code.toUpperCase() };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  const { error } = await readCode(params);
  return { title: error ? `${t("common:errorTitlePrefix")}: ${t("lookup.title")}` : t("lookup.title") };
}

export default async function LookupPage({ params }: Props) {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  const lookup = await readCode(params);
  let status = null;
  if (lookup.code) {
    await connection();
    status = await getPublicStatus(lookup.code);
  }
  const errorText = lookup.error ? t(`forms:${lookup.error}`) : undefined;
  const date = (value: string | null) => (value ? formatDateTime(value, lang) : t("lookup.notYet"));
  // Refused, withdrawn and stopped dossiers end without a result: their end has its own name, and
  // no result or appointment is promised.
  const end = status ? endOf(status.status, status.finishedAt) : null;
  const appointment = status ? appointmentState(status.status, status.dueAt) : null;

  return (
    <>
      {errorText ? (
        <ErrorSummary
          title={t("common:errorSummaryTitle")}
          errors={[{ href: "#code", message: errorText }]}
        />
      ) : null}
      <h1>{t("lookup.title")}</h1>
      <p className="lead">{t("lookup.lead")}</p>
      <form action={`/${lang}/lookup`} method="get" noValidate>
        <TextField
          id="code"
          name="code"
          label={t("lookup.codeLabel")}
          hint={t("lookup.codeHint")}
          error={errorText}
          errorPrefix={t("common:errorTitlePrefix")}
          defaultValue={lookup.typed}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
        />
        <Button>{t("lookup.submit")}</Button>
      </form>

      {lookup.code && !status ? (
        <Notice tone="warning">
          <h2>{t("lookup.notFoundTitle")}</h2>
          <p>{t("lookup.notFoundBody", { code: lookup.code })}</p>
        </Notice>
      ) : null}

      {status ? (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading">{t("lookup.resultTitle", { code: status.code })}</h2>
          <SummaryList
            rows={[
              {
                key: t("lookup.procedure"),
                value: `${localized(lang, status.procedure)} (${status.procedure.code})`,
              },
              {
                key: t("lookup.status"),
                value: <StatusTag status={status.status} label={t(`dossiers:status.${status.status}`)} />,
              },
              {
                key: t("lookup.receivingAgency"),
                value: localized(lang, status.receivingAgency),
              },
              { key: t("lookup.submittedAt"), value: date(status.submittedAt) },
              ...(appointment === "none"
                ? []
                : [{ key: t("lookup.acceptedAt"), value: date(status.acceptedAt) }]),
              {
                key: t("lookup.dueAt"),
                value:
                  appointment === "none" ? (
                    t(`lookup.noAppointment.${status.status}`)
                  ) : status.dueAt ? (
                    <>
                      {formatDate(status.dueAt, lang)}
                      {/* The public status has no clock-stop time: its status says when the clock stops. */}
                      {isOverdue({ ...status, clockStoppedAt: null }, new Date()) ? (
                        <>
                          {" "}
                          <Tag tone="red">{t("lookup.overdue")}</Tag>
                        </>
                      ) : null}
                    </>
                  ) : (
                    t("lookup.notYet")
                  ),
              },
              end && end.kind !== "result"
                ? { key: t(`lookup.endedOn.${end.kind}`), value: date(end.at) }
                : { key: t("lookup.finishedAt"), value: date(end?.at ?? null) },
              ...(end && end.kind !== "result"
                ? []
                : [{ key: t("lookup.returnedAt"), value: date(status.returnedAt) }]),
            ]}
          />
          <p className="small muted">{t("lookup.privacy")}</p>
        </section>
      ) : null}
    </>
  );
}
