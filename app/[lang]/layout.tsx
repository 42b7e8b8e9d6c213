import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "../globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getT, resolveLang } from "@/lib/i18n/server";
import { isLang } from "@/lib/i18n/settings";
import { getActor } from "@/lib/identity/actor";
import { signOut } from "@/lib/identity/auth";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { StaleFormProvider } from "@/components/forms/StaleForm";
import { StaleNotice } from "@/components/forms/StaleNotice";
import { PageErrorText } from "@/components/layout/PageErrorText";
import { decodeStaleForm, staleFormHeader } from "@/lib/http/staleAction";

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const t = await getT(isLang(lang) ? lang : "vi");
  return {
    title: { default: t("siteName"), template: `%s – ${t("siteName")}` },
    description: t("siteDescription"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#c8102e" };

export default async function LangLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ lang: string }>;
}) {
  const lang = await resolveLang(params);
  const t = await getT(lang);
  const actor = await getActor();
  const requestHeaders = await headers();
  const currentUrl = requestHeaders.get("x-portal-url") ?? `/${lang}`;
  const staleForm = decodeStaleForm(requestHeaders.get(staleFormHeader));
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: `/${lang}` });
  }
  return (
    <html lang={lang}>
      <body>
        <SiteHeader lang={lang} t={t} actor={actor} currentUrl={currentUrl} signOutAction={signOutAction} />
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
