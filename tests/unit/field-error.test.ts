import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/I18nProvider";
import { TextArea, TextField } from "@/components/ui/Field";
import type { Lang } from "@/lib/i18n/settings";

function render(lang: Lang, field: "text" | "area") {
  const props = { id: "code", name: "code", label: "Mã hồ sơ", error: "Nhập mã hồ sơ" };
  const element = field === "text" ? createElement(TextField, props) : createElement(TextArea, props);
  // I18nProvider requires children in its props type; createElement passes them as its third argument.
  const provider = I18nProvider as (props: { lang: Lang }) => ReturnType<typeof I18nProvider>;
  return renderToStaticMarkup(createElement(provider, { lang }, element));
}

describe("a field's error message", () => {
  it.each(["text", "area"] as const)("announces 'Lỗi:' on Vietnamese pages (%s)", (field) => {
    const html = render("vi", field);
    expect(html).toContain('<span class="visually-hidden">Lỗi: </span>');
    expect(html).not.toContain("Error");
  });

  it("announces 'Error:' on English pages", () => {
    expect(render("en", "text")).toContain('<span class="visually-hidden">Error: </span>');
  });
});
