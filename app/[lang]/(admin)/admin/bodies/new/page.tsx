import type { Metadata } from "next";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { isSystemAdmin } from "@/lib/identity/adminRules";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { WorkspaceForm } from "@/components/workspace/WorkspaceForm";
import { bodyFormFields } from "@/components/workspace/bodyFields";
import { requireAdmin } from "../../_shared/admin";
import { saveBodyAction } from "../actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: null };
}

export default async function NewBodyPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const admin = await requireAdmin(lang, `/${lang}/admin/bodies/new`);
  if (!admin || !isSystemAdmin(admin.actor)) return <NotAdmin lang={lang} actor={await getActor()} />;
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[{ href: `/${lang}/admin/bodies`, text: t("bodies.title") }, { text: t("bodies.newTitle") }]}
      />
      <WorkspaceForm
        lang={lang}
        ownsTitle
        title={`${t("bodies.newTitle")} – ${tCommon("siteName")}`}
        heading={t("bodies.newTitle")}
        headingLevel={1}
        intro={t("bodies.newIntro")}
        idPrefix="body"
        fields={bodyFormFields(t)}
        submit={t("bodies.create")}
        action={saveBodyAction.bind(null, lang, null)}
      />
    </>
  );
}
