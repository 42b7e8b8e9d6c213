import Link from "next/link";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";

/** The workspace's sections, in the order of its sub-navigation. */
export const workspaceSections: readonly { key: string; path: string }[] = [
  { key: "home", path: "" },
  { key: "opinions", path: "/opinions" },
  { key: "meetings", path: "/meetings" },
  { key: "tasks", path: "/tasks" },
];

/** The workspace's own navigation, under the site header. */
export function WorkspaceNav({ lang, t }: { lang: Lang; t: T }) {
  return (
    <nav aria-label={t("workspace:home.navLabel")} className="workspace-nav">
      <ul className="tabs">
        {workspaceSections.map((section) => (
          <li key={section.key}>
            <Link href={`/${lang}/workspace${section.path}`}>{t(`workspace:home.nav.${section.key}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
