import { SummaryList } from "@/components/ui/SummaryList";
import { answerText } from "@/lib/forms/display";
import { visibleFields, visiblePages } from "@/lib/forms/flow";
import type { FormDefinition, FormField } from "@/lib/forms/types";
import type { Lang } from "@/lib/i18n/settings";
import { placesForForms } from "@/lib/places/service";

type Props = {
  form: FormDefinition;
  formData: Record<string, unknown>;
  lang: Lang;
  /** The officer's page shows identity numbers whole; the applicant's masks them. */
  idNumbers: "masked" | "full";
  /** Shown for a question left blank. */
  notAnswered: string;
  /** Answers the form does not name (an older form, the desk's own fields) still show, by key. */
  showUnnamed?: boolean;
};

/**
 * A dossier's answers as the applicant gave them, page by page in the form's order (the version it
 * was filed under), only the pages and questions that were asked: dates, amounts, places and lists
 * as a person reads them.
 */
export async function DossierAnswers({ form, formData, lang, idNumbers, notAnswered, showUnnamed }: Props) {
  const places = await placesForForms();
  const lookups = { unitName: (code: string) => places.names.get(code) ?? null, idNumbers };
  const pages = visiblePages(form, formData)
    .map((page) => ({
      page,
      fields: visibleFields(page, formData, form).filter((field) => field.type !== "document"),
    }))
    .filter(({ fields }) => fields.length > 0);
  const named = new Set(pages.flatMap(({ page }) => page.fields.map((field) => field.name)));
  const unnamed = showUnnamed
    ? Object.entries(formData).filter(([key, value]) => !named.has(key) && value !== null && value !== "")
    : [];
  const row = (field: FormField) => ({
    key: field.label[lang],
    value: answerText(field, formData[field.name], lang, lookups) || notAnswered,
  });
  return (
    <>
      {pages.map(({ page, fields }) => (
        <section key={page.id} aria-labelledby={`answers-${page.id}`}>
          <h3 id={`answers-${page.id}`}>{page.title[lang]}</h3>
          <SummaryList rows={fields.map(row)} />
        </section>
      ))}
      {unnamed.length > 0 ? (
        <SummaryList
          rows={unnamed.map(([key, value]) => ({
            key,
            value: typeof value === "string" ? value : JSON.stringify(value),
          }))}
        />
      ) : null}
    </>
  );
}
