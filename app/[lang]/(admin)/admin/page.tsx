import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { countAgencies } from "@/lib/agencies/service";
import { countRecentAdminChanges } from "@/lib/audit/service";
import { countStaffAccounts } from "@/lib/identity/staff";
import { formatNumber } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { adminSections, NotAdmin, sectionKeys } from "@/components/admin/AdminChrome";
import { requireAdmin } from "./_shared/admin";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  return { title: t("home.title") };
}

/** The administrators' home: who they are, what they administer, and a way into each part. */
export default async function AdminHomePage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  const admin = await requireAdmin(lang, `/${lang}/admin`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const { actor, scope } = admin;
  const [agencies, staff, changes] = await Promise.all([
    countAgencies(actor),
    countStaffAccounts(actor),
    scope.all ? countRecentAdminChanges(7) : Promise.resolve(null),
  ]);
  const figure = (section: (typeof adminSections)[number]): string | null => {
    if (section === "agencies")
      return t("home.figures.agencies", { count: agencies, n: formatNumber(agencies, lang) });
    if (section === "staff")
      return t("home.figures.staff", {
        count: staff.total,
        n: formatNumber(staff.total, lang),
        disabled: formatNumber(staff.disabled, lang),
      });
    if (section === "audit" && changes !== null)
      return t("home.figures.audit", { count: changes, n: formatNumber(changes, lang) });
    return null;
  };
  // The audit log is the whole portal's: shown to system administrators only.
  const sections = adminSections.filter(
    (section) => scope.all || section === "agencies" || section === "staff",
  );
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t(scope.all ? "home.whoSystem" : "home.whoAgency", { name: actor.name })}</p>
      <ul className="admin-sections">
        {sections.map((section) => (
          <li key={section}>
            <h2>
              <Link href={`/${lang}/admin/${section}`}>{t(`nav.${sectionKeys[section]}`)}</Link>
            </h2>
            <p>{t(`home.describe.${sectionKeys[section]}`)}</p>
            {figure(section) ? <p className="admin-figure">{figure(section)}</p> : null}
          </li>
        ))}
      </ul>
      {scope.all ? (
        <>
          <h2>{t("home.settingsTitle")}</h2>
          <p>{t("home.settings")}</p>
        </>
      ) : null}
    </>
  );
}
