import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { fieldValues, findField, pageValues } from "@/lib/catalog/formBuilder";
import { fieldsBefore } from "@/lib/catalog/formRules";
import { getVersionState } from "@/lib/catalog/versions";
import { localized } from "@/lib/i18n/localized";
import { getMessages, getT, resolveLang, type T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { getActor } from "@/lib/identity/actor";
import { fieldTypes, type FormDefinition, type FormField, type FormPage } from "@/lib/forms/types";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import type { AdminFieldSpec } from "@/components/admin/adminForms";
import { FormPreview } from "@/components/admin/FormPreview.client";
import { ProcedureForm } from "@/components/admin/ProcedureForm";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { requireAdmin } from "../../../_shared/admin";
import {
  builderButtonAction,
  previewAction,
  saveFieldAction,
  savePageAction,
  startDraftAction,
} from "../actions";

type Props = {
  params: Promise<{ lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: null };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 200) : "");
const anchorId = (text: string) => text.replace(/[^a-zA-Z0-9_-]/g, "-");
const fieldAnchor = (pageId: string, group: string | null, name: string) =>
  `field-${anchorId(pageId)}-${group ? `${anchorId(group)}-` : ""}${anchorId(name)}`;

/** A hidden-input form with one button: Move up, Move down or Delete (works without JavaScript). */
function ButtonForm({
  action,
  op,
  page,
  group,
  name,
  text,
  subject,
  warning,
}: {
  action: (data: FormData) => Promise<void>;
  op: string;
  page: string;
  group?: string | null;
  name?: string;
  text: string;
  subject: string;
  warning?: boolean;
}) {
  return (
    <form action={action} className="builder-button">
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="page" value={page} />
      {group ? <input type="hidden" name="group" value={group} /> : null}
      {name ? <input type="hidden" name="name" value={name} /> : null}
      <button type="submit" className={warning ? "button button--warning" : "button button--secondary"}>
        {text}
        <span className="visually-hidden">: {subject}</span>
      </button>
    </form>
  );
}

function conditionText(t: T, lang: Lang, form: FormDefinition, showIf: FormField["showIf"]): string | null {
  if (!showIf) return null;
  const target = form.pages.flatMap((p) => p.fields).find((f) => f.name === showIf.field);
  return t("procedures.builder.shownWhen", {
    field: target ? localized(lang, { nameVi: target.label.vi, nameEn: target.label.en }) : showIf.field,
    values: showIf.in.join(", "),
  });
}

/** The form builder: the draft version's pages and fields, each edit a plain form post. */
export default async function FormBuilderPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { code } = await params;
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  const path = `/${lang}/admin/procedures/${encodeURIComponent(code)}`;
  const admin = await requireAdmin(lang, `${path}/form`);
  if (!admin || !admin.scope.all) return <NotAdmin lang={lang} actor={await getActor()} />;
  const found = await getVersionState(admin.actor, code);
  if (!found.ok) notFound();
  const { procedure, draft, current } = found.value;
  const name = localized(lang, procedure);
  const heading = t("procedures.builder.title", { name });
  const title = `${heading} – ${tCommon("siteName")}`;
  const text = (value: { vi: string; en: string } | undefined) =>
    value ? (lang === "en" ? value.en : value.vi) : "";
  const breadcrumbs = (
    <AdminBreadcrumbs
      lang={lang}
      items={[
        { href: `/${lang}/admin/procedures`, text: t("nav.procedures") },
        { href: path, text: procedure.code },
        { text: t("procedures.builder.crumb") },
      ]}
    />
  );
  if (!draft) {
    return (
      <>
        {breadcrumbs}
        <title>{title}</title>
        <h1>{heading}</h1>
        <p>{t("procedures.builder.noDraft", { version: current?.version ?? "—" })}</p>
        <form action={startDraftAction.bind(null, lang, procedure.code, "/form")}>
          <Button>{t("procedures.startDraft")}</Button>
        </form>
      </>
    );
  }
  const form = draft.form;
  const act = builderButtonAction.bind(null, lang, procedure.code);
  const done = one(query.done);
  const error = one(query.error);
  const edit = one(query.edit); // "page" | "field"
  const add = one(query.add); // "page" | "field"
  const pageParam = one(query.page);
  const groupParam = one(query.group) || null;
  const nameParam = one(query.name);
  const preview = one(query.preview);
  const editing = Boolean(edit || add);

  const typeOptions = (inGroup: boolean) =>
    fieldTypes
      .filter((type) => !inGroup || (type !== "group" && type !== "document"))
      .map((type) => ({ value: type, label: t(`procedures.types.${type}`) }));
  const conditionOptions = (fields: FormField[]) =>
    fields.map((f) => ({ value: f.name, label: `${text(f.label)} (${f.name})` }));
  const pageSpecs = (values: Record<string, string>, pageId: string | null): AdminFieldSpec[] =>
    [
      {
        name: "id",
        kind: "text",
        label: t("procedures.builder.page.id"),
        hint: t("procedures.builder.page.idHint"),
        short: true,
      },
      { name: "titleVi", kind: "text", label: t("procedures.builder.page.titleVi"), lang: "vi" },
      { name: "titleEn", kind: "text", label: t("procedures.builder.page.titleEn"), lang: "en" },
      { name: "hintVi", kind: "textarea", label: t("procedures.builder.page.hintVi"), lang: "vi" },
      { name: "hintEn", kind: "textarea", label: t("procedures.builder.page.hintEn"), lang: "en" },
      {
        name: "showIfField",
        kind: "select",
        label: t("procedures.builder.showIfField"),
        hint: t("procedures.builder.showIfPageHint"),
        placeholder: t("procedures.builder.always"),
        options: conditionOptions(pageId ? fieldsBefore(form, pageId) : form.pages.flatMap((p) => p.fields)),
      },
      {
        name: "showIfValues",
        kind: "text",
        label: t("procedures.builder.showIfValues"),
        hint: t("procedures.builder.showIfValuesHint"),
      },
    ].map((spec) => ({ ...spec, value: values[spec.name] ?? "" }) as AdminFieldSpec);
  const fieldSpecs = (
    values: Record<string, string>,
    before: FormField[],
    inGroup: boolean,
  ): AdminFieldSpec[] => {
    const yesNo = [
      { value: "no", label: t("procedures.builder.no") },
      { value: "yes", label: t("procedures.builder.yes") },
    ];
    const f = (
      input: string,
      kind: AdminFieldSpec["kind"],
      extra: Partial<AdminFieldSpec> = {},
    ): AdminFieldSpec => ({
      name: input,
      kind,
      label: t(`procedures.builder.field.${input}`),
      value: values[input] ?? "",
      ...extra,
    });
    return [
      f("type", "select", { options: typeOptions(inGroup) }),
      f("name", "text", { hint: t("procedures.builder.field.nameHint"), short: true }),
      f("labelVi", "text", { lang: "vi" }),
      f("labelEn", "text", { lang: "en" }),
      f("hintVi", "textarea", { lang: "vi" }),
      f("hintEn", "textarea", { lang: "en" }),
      f("required", "select", { options: yesNo }),
      f("options", "textarea", { hint: t("procedures.builder.field.optionsHint") }),
      f("minLength", "text", { short: true, hint: t("procedures.builder.field.textOnly") }),
      f("maxLength", "text", { short: true, hint: t("procedures.builder.field.textOnly") }),
      f("min", "text", { short: true, hint: t("procedures.builder.field.numberOnly") }),
      f("max", "text", { short: true, hint: t("procedures.builder.field.numberOnly") }),
      f("notInFuture", "select", { options: yesNo, hint: t("procedures.builder.field.dateOnly") }),
      f("mobileOnly", "select", { options: yesNo, hint: t("procedures.builder.field.telOnly") }),
      f("showIfField", "select", {
        label: t("procedures.builder.showIfField"),
        hint: t("procedures.builder.showIfFieldHint"),
        placeholder: t("procedures.builder.always"),
        options: conditionOptions(before),
      }),
      f("showIfValues", "text", {
        label: t("procedures.builder.showIfValues"),
        hint: t("procedures.builder.showIfValuesHint"),
      }),
      ...(inGroup
        ? []
        : [
            f("documentKey", "select", {
              hint: t("procedures.builder.field.documentOnly"),
              placeholder: t("procedures.builder.none"),
              options: draft.documents.map((d) => ({ value: d.key, label: `${text(d.name)} (${d.key})` })),
            }),
            f("itemLabelVi", "text", { lang: "vi", hint: t("procedures.builder.field.groupOnly") }),
            f("itemLabelEn", "text", { lang: "en", hint: t("procedures.builder.field.groupOnly") }),
            f("minItems", "text", { short: true, hint: t("procedures.builder.field.groupOnly") }),
            f("maxItems", "text", { short: true, hint: t("procedures.builder.field.groupOnly") }),
          ]),
    ];
  };

  /** The add or edit form asked for in the address, or null. */
  function editor() {
    const back = (
      <p>
        <Link href={`${path}/form#pages`}>{t("procedures.builder.cancel")}</Link>
      </p>
    );
    if (add === "page" || (edit === "page" && pageParam)) {
      const page = form.pages.find((p) => p.id === pageParam);
      if (edit === "page" && !page) return null;
      return (
        <>
          <ProcedureForm
            lang={lang}
            title={title}
            heading={
              page
                ? t("procedures.builder.editPage", { title: text(page.title) })
                : t("procedures.builder.addPage")
            }
            idPrefix="page"
            fields={pageSpecs(
              page ? pageValues(page) : { id: `page-${form.pages.length + 1}` },
              page?.id ?? null,
            )}
            submit={t(page ? "procedures.builder.savePage" : "procedures.builder.addPage")}
            action={savePageAction.bind(null, lang, procedure.code, page?.id ?? null)}
          />
          {back}
        </>
      );
    }
    if ((add === "field" || edit === "field") && pageParam) {
      const page = form.pages.find((p) => p.id === pageParam);
      if (!page) return null;
      const existing =
        edit === "field" ? findField(form, { pageId: page.id, group: groupParam, name: nameParam }) : null;
      if (edit === "field" && !existing) return null;
      const holder = groupParam ? page.fields.find((f) => f.name === groupParam && f.type === "group") : null;
      if (groupParam && !holder) return null;
      const siblings = holder ? (holder.fields ?? []) : page.fields;
      const upTo = existing ? siblings.slice(0, siblings.indexOf(existing)) : siblings;
      // A condition looks back: fields of earlier pages, and earlier on this page (or in this group).
      const before = [
        ...fieldsBefore(form, page.id, holder ? holder.name : (existing?.name ?? "\u0000")),
        ...(holder ? upTo : []),
      ];
      const where = { pageId: page.id, group: holder?.name ?? null, name: existing?.name ?? null };
      const subject = holder ? text(holder.label) : text(page.title);
      return (
        <>
          <ProcedureForm
            lang={lang}
            title={title}
            heading={
              existing
                ? t("procedures.builder.editField", { label: text(existing.label) })
                : t("procedures.builder.addFieldTo", { page: subject })
            }
            idPrefix="field"
            fields={fieldSpecs(
              existing ? fieldValues(existing) : { required: "yes", type: "text" },
              before,
              Boolean(holder),
            )}
            submit={t(existing ? "procedures.builder.saveField" : "procedures.builder.addField")}
            action={saveFieldAction.bind(null, lang, procedure.code, where)}
          />
          {back}
        </>
      );
    }
    return null;
  }

  const editForm = editing ? editor() : null;
  const previewPage = preview ? form.pages.find((p) => p.id === preview) : undefined;

  const fieldItem = (
    page: FormPage,
    field: FormField,
    group: string | null,
    index: number,
    count: number,
  ) => {
    const subject = text(field.label) || field.name;
    const condition = conditionText(t, lang, form, field.showIf);
    const q = `page=${encodeURIComponent(page.id)}${group ? `&group=${encodeURIComponent(group)}` : ""}`;
    return (
      <li
        key={field.name}
        id={fieldAnchor(page.id, group, field.name)}
        tabIndex={-1}
        className="builder-field"
      >
        <p className="builder-field__title">
          <strong>{subject}</strong> <code>{field.name}</code> · {t(`procedures.types.${field.type}`)} ·{" "}
          {field.required ? t("procedures.builder.required") : t("procedures.builder.optional")}
          {field.type === "document" && field.documentKey ? <> · {field.documentKey}</> : null}
        </p>
        {condition ? <p className="builder-field__condition">{condition}</p> : null}
        {field.options?.length ? (
          <p className="builder-field__options">{field.options.map((o) => text(o.label)).join(" · ")}</p>
        ) : null}
        <div className="builder-actions">
          <Link
            className="button button--secondary"
            role="button"
            href={`${path}/form?edit=field&${q}&name=${encodeURIComponent(field.name)}#edit`}
          >
            {t("procedures.builder.edit")}
            <span className="visually-hidden">: {subject}</span>
          </Link>
          {index > 0 ? (
            <ButtonForm
              action={act}
              op="field.up"
              page={page.id}
              group={group}
              name={field.name}
              text={t("procedures.builder.moveUp")}
              subject={subject}
            />
          ) : null}
          {index < count - 1 ? (
            <ButtonForm
              action={act}
              op="field.down"
              page={page.id}
              group={group}
              name={field.name}
              text={t("procedures.builder.moveDown")}
              subject={subject}
            />
          ) : null}
          <ButtonForm
            action={act}
            op="field.delete"
            page={page.id}
            group={group}
            name={field.name}
            text={t("procedures.builder.delete")}
            subject={subject}
            warning
          />
        </div>
        {field.type === "group" ? (
          <div className="builder-group">
            <p>{t("procedures.builder.groupFields")}</p>
            {(field.fields ?? []).length > 0 ? (
              <ol>
                {(field.fields ?? []).map((child, i, all) =>
                  fieldItem(page, child, field.name, i, all.length),
                )}
              </ol>
            ) : null}
            <p>
              <Link
                href={`${path}/form?add=field&page=${encodeURIComponent(page.id)}&group=${encodeURIComponent(field.name)}#edit`}
              >
                {t("procedures.builder.addFieldToGroup", { group: subject })}
              </Link>
            </p>
          </div>
        ) : null}
      </li>
    );
  };

  return (
    <>
      {breadcrumbs}
      {!editForm ? <title>{error ? `${tCommon("errorTitlePrefix")} ${title}` : title}</title> : null}
      <h1>{heading}</h1>
      <p>
        {t("procedures.builder.intro", { version: draft.version })}{" "}
        <Link href={path}>{t("procedures.builder.backToProcedure")}</Link>
      </p>
      {error ? (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          id="builder-errors"
          aria-labelledby="builder-errors-title"
        >
          <h2 id="builder-errors-title">{tCommon("errorSummaryTitle")}</h2>
          <ul>
            <li>
              <a href="#pages">{t(`procedures.errors.${error}`)}</a>
            </li>
          </ul>
        </div>
      ) : null}
      {done ? (
        <Notice tone="success">
          <p>{t(`procedures.builder.done.${done}`)}</p>
        </Notice>
      ) : null}
      {editForm ? <div id="edit">{editForm}</div> : null}
      {previewPage ? (
        <section id="preview" aria-labelledby="preview-title" className="builder-preview">
          <h2 id="preview-title" tabIndex={-1}>
            {t("procedures.builder.previewTitle", { title: text(previewPage.title) })}
          </h2>
          <p>{t("procedures.builder.previewIntro")}</p>
          <FormPreview
            lang={lang}
            page={previewPage}
            messages={getMessages(lang, [
              "admin:procedures.preview",
              "forms:errors",
              "common:errorSummaryTitle",
              "common:errorTitlePrefix",
            ])}
            action={previewAction.bind(null, lang, procedure.code, previewPage.id)}
          />
          <p>
            <Link href={`${path}/form#page-${anchorId(previewPage.id)}`}>
              {t("procedures.builder.closePreview")}
            </Link>
          </p>
        </section>
      ) : null}
      <h2 id="pages" tabIndex={-1}>
        {t("procedures.builder.pages", { count: form.pages.length })}
      </h2>
      {form.pages.length === 0 ? <p>{t("procedures.builder.noPages")}</p> : null}
      <ol className="builder-pages">
        {form.pages.map((page, index) => {
          const subject = text(page.title) || page.id;
          const condition = conditionText(t, lang, form, page.showIf);
          return (
            <li key={page.id} className="builder-page">
              <section
                id={`page-${anchorId(page.id)}`}
                tabIndex={-1}
                aria-labelledby={`page-${anchorId(page.id)}-title`}
              >
                <h3 id={`page-${anchorId(page.id)}-title`}>
                  {t("procedures.builder.pageNumber", { n: index + 1 })}: {subject} <code>{page.id}</code>
                </h3>
                {page.hint ? <p>{text(page.hint)}</p> : null}
                {condition ? <p className="builder-field__condition">{condition}</p> : null}
                <div className="builder-actions">
                  <Link
                    className="button button--secondary"
                    role="button"
                    href={`${path}/form?edit=page&page=${encodeURIComponent(page.id)}#edit`}
                  >
                    {t("procedures.builder.editPageButton")}
                    <span className="visually-hidden">: {subject}</span>
                  </Link>
                  <Link
                    className="button button--secondary"
                    role="button"
                    href={`${path}/form?preview=${encodeURIComponent(page.id)}#preview`}
                  >
                    {t("procedures.builder.preview")}
                    <span className="visually-hidden">: {subject}</span>
                  </Link>
                  {index > 0 ? (
                    <ButtonForm
                      action={act}
                      op="page.up"
                      page={page.id}
                      text={t("procedures.builder.moveUp")}
                      subject={subject}
                    />
                  ) : null}
                  {index < form.pages.length - 1 ? (
                    <ButtonForm
                      action={act}
                      op="page.down"
                      page={page.id}
                      text={t("procedures.builder.moveDown")}
                      subject={subject}
                    />
                  ) : null}
                  <ButtonForm
                    action={act}
                    op="page.delete"
                    page={page.id}
                    text={t("procedures.builder.deletePage")}
                    subject={subject}
                    warning
                  />
                </div>
                {page.fields.length > 0 ? (
                  <ol className="builder-fields">
                    {page.fields.map((field, i) => fieldItem(page, field, null, i, page.fields.length))}
                  </ol>
                ) : (
                  <p>{t("procedures.builder.noFields")}</p>
                )}
                <p>
                  <Link href={`${path}/form?add=field&page=${encodeURIComponent(page.id)}#edit`}>
                    {t("procedures.builder.addFieldTo", { page: subject })}
                  </Link>
                </p>
              </section>
            </li>
          );
        })}
      </ol>
      <p>
        <Link className="button" role="button" href={`${path}/form?add=page#edit`}>
          {t("procedures.builder.addPage")}
        </Link>
      </p>
    </>
  );
}
