import Link from "next/link";
import type { Lang } from "@/lib/i18n/settings";
import { ownSections } from "@/lib/identity/rules";
import type { Actor } from "@/lib/identity/types";
import type { T } from "@/lib/i18n/server";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavLinks } from "./NavLinks";

const sectionNames = { dossiers: "nav.myDossiers", staff: "nav.staff", admin: "nav.admin" } as const;

/** The header on every page: brand, main navigation, account and language switch. Server-rendered. */
export function SiteHeader({
  lang,
  t,
  actor,
  currentUrl,
  query = "",
  inboxUnread = 0,
  workspace = false,
  signOutAction,
}: {
  lang: Lang;
  t: T;
  actor: Actor;
  /** The request's URL on a personal page; null on a shared one (see LanguageSwitch). */
  currentUrl: string | null;
  /** The query of a cached listing page. */
  query?: string;
  /** The signed-in person's unread notices (personal pages only: never part of a shared page). */
  inboxUnread?: number;
  /** The officials' workspace, for members of a deciding body only (lib/meetings/access). */
  workspace?: boolean;
  signOutAction: () => Promise<void>;
}) {
  const nav = [
    { href: `/${lang}/procedures`, text: t("nav.procedures") },
    { href: `/${lang}/lookup`, text: t("nav.lookup") },
    { href: `/${lang}/transparency`, text: t("nav.transparency") },
    { href: `/${lang}/decisions`, text: t("nav.decisions") },
    ...ownSections(actor, workspace).map((section) => ({
      href: `/${lang}/${section}`,
      text: t(sectionNames[section]),
    })),
    ...(workspace ? [{ href: `/${lang}/workspace`, text: t("nav.workspace") }] : []),
    // Applicants file for the businesses they belong to, and register one.
    ...(actor.kind === "applicant" ? [{ href: `/${lang}/organisations`, text: t("nav.organisations") }] : []),
    // The applicant's document store: files given once, attached again without sending them.
    ...(actor.kind === "applicant" ? [{ href: `/${lang}/documents`, text: t("nav.myDocuments") }] : []),
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="container site-header__bar">
        <Link href={`/${lang}`} className="site-header__brand">
          <span className="site-header__emblem" aria-hidden="true">
            ★
          </span>
          <span>
            {t("siteName")}
            <span className="site-header__sub">{t("province")}</span>
          </span>
        </Link>
        <div className="header-tools">
          {actor.kind === "anonymous" ? (
            <Link href={`/${lang}/sign-in`}>{t("nav.signIn")}</Link>
          ) : (
            <>
              <Link href={`/${lang}/inbox`} className="header-inbox">
                {inboxUnread > 0 ? (
                  // Read out as "Thông báo, 3 chưa đọc"; seen as "Thông báo (3)".
                  <>
                    <span className="visually-hidden">
                      {`${t("nav.inbox")}, ${t("nav.inboxUnread", { count: inboxUnread })}`}
                    </span>
                    <span aria-hidden="true">{`${t("nav.inbox")} (${inboxUnread})`}</span>
                  </>
                ) : (
                  t("nav.inbox")
                )}
              </Link>
              {/* Rendered on personal pages only: a shared page's actor is always anonymous. */}
              <Link href={`/${lang}/account`} className="small">
                {actor.name}
                <span className="visually-hidden"> – {t("nav.account")}</span>
              </Link>
              <form action={signOutAction} className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          )}
          <LanguageSwitch lang={lang} currentUrl={currentUrl} query={query} />
        </div>
      </div>
      <nav className="site-nav" aria-label={t("nav.label")}>
        <div className="container">
          {/* On a phone the links fold behind "Menu" so the page starts on the first screen; the
              <details> element needs no script. From 641 px the CSS shows them all, always. */}
          <details className="site-nav__menu">
            <summary>{t("nav.menu")}</summary>
            <NavLinks items={nav} />
          </details>
        </div>
      </nav>
    </header>
  );
}
