import Link from "next/link";
import type { ProcedureSummary } from "@/lib/catalog/service";
import type { Lang } from "@/lib/i18n/settings";
import type { T } from "@/lib/i18n/server";
import { Tag } from "@/components/ui/StatusTag";
import { localized } from "@/lib/i18n/localized";

/** Procedures as a list of links with their code, field, level and online service. */
export function ProcedureList({
  lang,
  t,
  procedures,
  headingLevel = 2,
}: {
  lang: Lang;
  t: T;
  procedures: ProcedureSummary[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="card-list">
      {procedures.map((procedure) => (
        <li key={procedure.id}>
          <Heading>
            <Link href={`/${lang}/procedures/${encodeURIComponent(procedure.code)}`}>
              {localized(lang, procedure)}
            </Link>
          </Heading>
          <p className="meta-line">
            <span>
              {t("procedures.code")}: {procedure.code}
            </span>
            <span>{localized(lang, procedure, "field")}</span>
            <span>{t(`level.${procedure.level}`)}</span>
            <span>
              <Tag tone={procedure.onlineLevel === "whole" ? "green" : "grey"}>
                {t(`onlineLevel.${procedure.onlineLevel}`)}
              </Tag>
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
