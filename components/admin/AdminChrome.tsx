import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { Actor } from "@/lib/identity/types";
import { landingPath } from "@/lib/identity/rules";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";

export const adminSections = [
  "agencies",
  "staff",
  "calendar",
  "working-hours",
  "audit",
  "deliveries",
  "procedures",
  "bodies",
] as const;
export type AdminSection = (typeof adminSections)[number];
/** Built by another part of the portal; linked from here. */
export const sectionKeys: Record<AdminSection, string> = {
  agencies: "agencies",
  staff: "staff",
  calendar: "calendar",
  "working-hours": "workingHours",
  audit: "audit",
  deliveries: "deliveries",
  procedures: "procedures",
  bodies: "bodies",
};

/** The breadcrumbs of an administration page: Administration › section › page. */
export async function AdminBreadcrumbs({
  lang,
  items,
}: {
  lang: Lang;
  items: { href?: string; text: string }[];
}) {
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  return (
    <Breadcrumbs
      label={tCommon("nav.breadcrumbs")}
      items={[{ href: `/${lang}/admin`, text: t("nav.home") }, ...items]}
    />
  );
}

/** What someone who administers nothing sees on an administration page. */
export async function NotAdmin({ lang, actor }: { lang: Lang; actor: Actor }) {
  const t = await getT(lang, "admin");
  return (
    <>
      <h1>{t("notAdmin.title")}</h1>
      <Notice>{t("notAdmin.body")}</Notice>
      <p>
        <Link href={landingPath(actor, lang, null)}>{t("notAdmin.back")}</Link>
      </p>
    </>
  );
}
