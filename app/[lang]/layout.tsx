import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "../globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getT, resolveLang, resolveSegment } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { buildOnlySegment } from "@/lib/http/pageSegment";
import { getActor } from "@/lib/identity/actor";
import { unreadInboxCount } from "@/lib/notify/inbox";
import { isWorkspaceMember } from "@/lib/meetings/access";
import { signOut } from "@/lib/identity/auth";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { StaleFormProvider } from "@/components/forms/StaleForm";
import { StaleNotice } from "@/components/forms/StaleNotice";
import { PageErrorText } from "@/components/layout/PageErrorText";
import { decodeStaleForm, staleFormHeader } from "@/lib/http/staleAction";

/*
 * Personal pages (the session, the request) block until they are rendered: a person without
 * JavaScript must see that they are signed in, which a streamed-in hole would not show them.
 * Pages that read neither are still prerendered whole (see lib/http/pageSegment).
 */
export const instant = false;

/** Next requires one; see buildOnlySegment for why it names no real page. */
export function generateStaticParams() {
  return [{ lang: buildOnlySegment }];
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const t = await getT(await resolveLang(params));
  return {
    title: { default: t("siteName"), template: `%s – ${t("siteName")}` },
    description: t("siteDescription"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#c8102e" };

function signOutAction(lang: Lang) {
  return async function signOutOfPortal() {
    "use server";
    await signOut({ redirectTo: `/${lang}` });
  };
}

export default async function LangLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ lang: string }>;
}) {
  const segment = await resolveSegment(params);
  const { lang } = segment;
  const t = await getT(lang);
  // Only a personal segment may read who is asking: a shared page is the same for everyone.
  const actor = segment.personal ? await getActor() : ({ kind: "anonymous" } as const);
  // The inbox count is as personal as the name: read only on a page rendered for this person.
  const inboxUnread = actor.kind === "anonymous" ? 0 : await unreadInboxCount(actor);
  // The workspace link, for members of a deciding body only.
  const workspace = actor.kind === "staff" && (await isWorkspaceMember(actor));
  const requestHeaders = segment.personal ? await headers() : null;
  const currentUrl = requestHeaders?.get("x-portal-url") ?? null;
  const staleForm = decodeStaleForm(requestHeaders?.get(staleFormHeader) ?? null);
  return (
    <html lang={lang}>
      <body>
        <SiteHeader
          lang={lang}
          t={t}
          actor={actor}
          currentUrl={currentUrl}
          query={segment.query}
          inboxUnread={inboxUnread}
          workspace={workspace}
          signOutAction={signOutAction(lang)}
        />
        <main id="main" className="container main" tabIndex={-1}>
          <StaleFormProvider stale={staleForm} notice={<StaleNotice lang={lang} />}>
            <PageErrorText lang={lang}>{children}</PageErrorText>
          </StaleFormProvider>
        </main>
        <SiteFooter lang={lang} t={t} />
      </body>
    </html>
  );
}
