import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { localized } from "@/lib/i18n/localized";

type Names = Map<string, { code: string; nameVi: string; nameEn: string }>;

/** Shown for a value in the audit: ids of agencies by name, lists of roles as text, empty as a dash. */
function show(key: string, value: unknown, t: T, lang: Lang, agencies: Names): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if ((key === "parentId" || key === "successorId" || key === "agencyId") && typeof value === "string") {
    const agency = agencies.get(value);
    return agency ? `${agency.code} · ${localized(lang, agency)}` : value;
  }
  if (key === "roles" && Array.isArray(value)) {
    return (
      value
        .map(
          (role: { role?: string; agencyId?: string }) =>
            `${t(`roles.${role.role}`)} – ${show("agencyId", role.agencyId, t, lang, agencies)}`,
        )
        .join("; ") || "—"
    );
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** What changed in one audit entry: each field whose value differs, before → after. */
export function AuditChanges({
  details,
  t,
  lang,
  agencies,
}: {
  details: Record<string, unknown> | null;
  t: T;
  lang: Lang;
  agencies: Names;
}) {
  // A year filled from the law records the days it added: their number says enough here.
  if (Array.isArray(details?.after))
    return <span>{t("audit.daysAdded", { count: details.after.length })}</span>;
  const before = (details?.before ?? null) as Record<string, unknown> | null;
  const after = (details?.after ?? null) as Record<string, unknown> | null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]),
  );
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-changes">
      {keys.map((key) => (
        <div key={key}>
          <dt>{t(`audit.fields.${key}`)}</dt>
          <dd>
            {before ? (
              <>
                <del>{show(key, before[key], t, lang, agencies)}</del> →{" "}
              </>
            ) : null}
            <ins>{show(key, after?.[key], t, lang, agencies)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
