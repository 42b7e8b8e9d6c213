import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { acceptAttribute } from "@/lib/files/types";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { mayDo } from "@/lib/meetings/access";
import { workspaceFileKinds } from "@/lib/meetings/files";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { WorkspaceForm } from "@/components/workspace/WorkspaceForm";
import { opinionFormFields } from "@/components/workspace/opinionFields";
import { requireMember } from "../../_shared/workspace";
import { createOpinionAction } from "../actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The form writes the title (with "Error: " in front when the post fails).
  return { title: null };
}

/** The secretary or the support staff prepare a new written opinion form. */
export default async function NewOpinionFormPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const { seats } = await requireMember(lang, `/${lang}/workspace/opinions/new`);
  const bodies = seats.filter((seat) => mayDo(seat.role, "prepare"));
  if (bodies.length === 0) notFound();
  return (
    <>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[
          { href: `/${lang}/workspace`, text: t("home.nav.home") },
          { href: `/${lang}/workspace/opinions`, text: t("opinions.listTitle") },
          { text: t("opinions.newTitle") },
        ]}
      />
      <WorkspaceForm
        lang={lang}
        ownsTitle
        title={`${t("opinions.newTitle")} – ${tCommon("siteName")}`}
        heading={t("opinions.newTitle")}
        headingLevel={1}
        intro={t("opinions.newIntro")}
        idPrefix="opinion"
        fields={opinionFormFields(t, {
          bodies: bodies.map((seat) => ({ value: seat.bodyId, label: localized(lang, seat) })),
          accept: acceptAttribute(workspaceFileKinds),
        })}
        submit={t("opinions.create")}
        action={createOpinionAction.bind(null, lang)}
      />
    </>
  );
}
