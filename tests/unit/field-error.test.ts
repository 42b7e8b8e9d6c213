import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TextArea, TextField } from "@/components/ui/Field";
import { getMessages } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/settings";

/** As a client form does: the word comes with the form's strings, in the page's language. */
function render(lang: Lang, field: "text" | "area") {
  const t = translator(lang, getMessages(lang, ["common:errorTitlePrefix"]), "common");
  const props = {
    id: "code",
    name: "code",
    label: "Mã hồ sơ",
    error: "Nhập mã hồ sơ",
    errorPrefix: t("errorTitlePrefix"),
  };
  return renderToStaticMarkup(
    field === "text" ? createElement(TextField, props) : createElement(TextArea, props),
  );
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

  it("says nothing before a field without a message", () => {
    const html = renderToStaticMarkup(createElement(TextField, { id: "q", label: "Tìm" }));
    expect(html).not.toContain("visually-hidden");
  });
});
