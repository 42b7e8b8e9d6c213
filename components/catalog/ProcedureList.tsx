import Link from "next/link";
import type { ProcedureSummary } from "@/lib/catalog/service";
import type { Lang } from "@/lib/i18n/settings";
import type { T } from "@/lib/i18n/server";
import { Tag } from "@/components/ui/StatusTag";

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
              {lang === "vi" ? procedure.nameVi : procedure.nameEn}
            </Link>
          </Heading>
          <p className="meta-line">
            <span>
              {t("procedures.code")}: {procedure.code}
            </span>
            <span>{lang === "vi" ? procedure.fieldVi : procedure.fieldEn}</span>
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
