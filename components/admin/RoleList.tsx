import type { T } from "@/lib/i18n/server";
import type { AgencyRole } from "@/lib/identity/types";

/** A person's roles, each with its agency's name. */
export function RoleList({ roles, names, t }: { roles: AgencyRole[]; names: Map<string, string>; t: T }) {
  if (roles.length === 0) return <span className="muted">{t("staff.noRoles")}</span>;
  return (
    <ul className="plain-list">
      {roles.map((role) => (
        <li key={role.agencyId + role.role}>
          {t(`roles.${role.role}`)} – {names.get(role.agencyId) ?? role.agencyId}
        </li>
      ))}
    </ul>
  );
}
