import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { getActor } from "@/lib/identity/actor";
import { registerDefaultPeriod, registerPeriod } from "@/lib/slips/rules";
import { registerAgencies } from "@/lib/slips/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { NotStaff } from "@/components/staff/NotStaff";
import { RegisterForm, type RegisterValues } from "@/components/staff/RegisterForm";
import { requireStaff } from "../_shared/staff-actor";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** What was asked, if anything, and its problems by field (message keys of the "slips" namespace). */
async function readRequest(searchParams: Props["searchParams"], agencyCodes: string[]) {
  const query = await searchParams;
  const asked = ["agency", "from", "to"].some((field) => single(query[field]) !== undefined);
  const values: RegisterValues = {
    agency: single(query.agency)?.trim() ?? agencyCodes[0] ?? "",
    from: single(query.from)?.trim() ?? "",
    to: single(query.to)?.trim() ?? "",
  };
  if (!asked) return { asked, values, issues: {} as Record<string, string[]>, period: null };
  const period = registerPeriod(values);
  const issues: Record<string, string[]> = period.ok ? {} : { ...period.issues };
  if (!agencyCodes.includes(values.agency)) issues.agency = ["register.errors.agencyRequired"];
  return { asked, values, issues, period: period.ok ? period.value : null };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "slips");
  const actor = await getActor();
  if (actor.kind !== "staff") return { title: t("register.title") };
  const codes = (await registerAgencies(actor)).map((agency) => agency.code);
  const { issues } = await readRequest(searchParams, codes);
  const failed = Object.keys(issues).length > 0;
  return { title: failed ? `${t("common:errorTitlePrefix")}: ${t("register.title")}` : t("register.title") };
}

/**
 * The register's form on a page of its own: the queue's small form posts here (GET). A valid request
 * goes on to the PDF; an invalid one comes back with its errors summarised and what was typed kept.
 */
export default async function RegisterPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "slips");
  const tStaff = await getT(lang, "staff");
  const actor = await requireStaff(lang, `/${lang}/staff/register`);
  if (!actor) return <NotStaff lang={lang} t={tStaff} />;

  const agencies = await registerAgencies(actor);
  if (agencies.length === 0) {
    return (
      <>
        <h1>{t("register.title")}</h1>
        <Notice>{t("register.noAgency")}</Notice>
      </>
    );
  }
  const request = await readRequest(
    searchParams,
    agencies.map((agency) => agency.code),
  );
  if (request.asked && request.period && Object.keys(request.issues).length === 0) {
    const query = new URLSearchParams({ from: request.period.from, to: request.period.to, lang });
    redirect(`/api/v1/agencies/${encodeURIComponent(request.values.agency)}/register.pdf?${query}`);
  }
  const values = request.asked ? request.values : { ...request.values, ...registerDefaultPeriod(new Date()) };
  const fieldIds = { agency: "register-agency", from: "register-from", to: "register-to" } as const;
  const errors = (Object.keys(fieldIds) as (keyof typeof fieldIds)[]).flatMap((field) =>
    request.issues[field]?.[0] ? [{ href: `#${fieldIds[field]}`, message: t(request.issues[field][0]) }] : [],
  );

  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[
          { href: `/${lang}/staff`, text: tStaff("dossier.backToQueue") },
          { text: t("register.title") },
        ]}
      />
      {errors.length > 0 ? <ErrorSummary title={t("common:errorSummaryTitle")} errors={errors} /> : null}
      <RegisterForm
        lang={lang}
        agencies={agencies.map((agency) => ({ code: agency.code, name: localized(lang, agency) }))}
        values={values}
        issues={request.issues}
        t={t}
        headingLevel={1}
      />
    </>
  );
}
