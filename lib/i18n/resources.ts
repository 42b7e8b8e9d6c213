import type { Lang, Namespace } from "./settings";
import viCommon from "@/locales/vi/common.json";
import viCatalog from "@/locales/vi/catalog.json";
import viDossiers from "@/locales/vi/dossiers.json";
import viStaff from "@/locales/vi/staff.json";
import viReports from "@/locales/vi/reports.json";
import viDecisions from "@/locales/vi/decisions.json";
import viAuth from "@/locales/vi/auth.json";
import viErrors from "@/locales/vi/errors.json";
import viForms from "@/locales/vi/forms.json";
import viAdmin from "@/locales/vi/admin.json";
import viCalendar from "@/locales/vi/calendar.json";
import viSlips from "@/locales/vi/slips.json";
import viNotify from "@/locales/vi/notify.json";
import viPayments from "@/locales/vi/payments.json";
import viOrganisations from "@/locales/vi/organisations.json";
import enCommon from "@/locales/en/common.json";
import enCatalog from "@/locales/en/catalog.json";
import enDossiers from "@/locales/en/dossiers.json";
import enStaff from "@/locales/en/staff.json";
import enReports from "@/locales/en/reports.json";
import enDecisions from "@/locales/en/decisions.json";
import enAuth from "@/locales/en/auth.json";
import enErrors from "@/locales/en/errors.json";
import enForms from "@/locales/en/forms.json";
import enAdmin from "@/locales/en/admin.json";
import enCalendar from "@/locales/en/calendar.json";
import enSlips from "@/locales/en/slips.json";
import enNotify from "@/locales/en/notify.json";
import enPayments from "@/locales/en/payments.json";
import enOrganisations from "@/locales/en/organisations.json";
import viWorkspace from "@/locales/vi/workspace.json";
import enWorkspace from "@/locales/en/workspace.json";

/** Imported statically so the server bundles them and no request reads the disk. */
export const resources: Record<Lang, Record<Namespace, object>> = {
  vi: {
    common: viCommon,
    catalog: viCatalog,
    dossiers: viDossiers,
    staff: viStaff,
    reports: viReports,
    decisions: viDecisions,
    auth: viAuth,
    errors: viErrors,
    forms: viForms,
    admin: viAdmin,
    calendar: viCalendar,
    slips: viSlips,
    notify: viNotify,
    payments: viPayments,
    organisations: viOrganisations,
    workspace: viWorkspace,
  },
  en: {
    common: enCommon,
    catalog: enCatalog,
    dossiers: enDossiers,
    staff: enStaff,
    reports: enReports,
    decisions: enDecisions,
    auth: enAuth,
    errors: enErrors,
    forms: enForms,
    admin: enAdmin,
    calendar: enCalendar,
    slips: enSlips,
    notify: enNotify,
    payments: enPayments,
    organisations: enOrganisations,
    workspace: enWorkspace,
  },
};
