import { describe, expect, it } from "vitest";
import { preferencesSchema, signUpSchema } from "@/lib/identity/schema";
import {
  accountLink,
  amountOf,
  dateOf,
  escapeHtml,
  escapeMultiline,
  isNoticeKind,
  noticeKinds,
  noticeLink,
  sortDigestEntries,
  textOf,
} from "@/lib/notify/templates";

describe("escapeHtml", () => {
  it("escapes what could open markup or close an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });

  it("leaves Vietnamese text alone", () => {
    expect(escapeHtml("Hồ sơ đã được tiếp nhận")).toBe("Hồ sơ đã được tiếp nhận");
  });

  it("keeps line breaks of free text as <br>, after escaping", () => {
    expect(escapeMultiline("a<b>\r\nc\rd")).toBe("a&lt;b&gt;<br>\nc<br>\nd");
  });
});

describe("payload values", () => {
  it("textOf takes non-empty strings only, trimmed and bounded", () => {
    expect(textOf("  x  ")).toBe("x");
    expect(textOf("")).toBeNull();
    expect(textOf("   ")).toBeNull();
    expect(textOf(42)).toBeNull();
    expect(textOf({ a: 1 })).toBeNull();
    expect(textOf(undefined)).toBeNull();
    expect(textOf("abcdef", 3)).toBe("abc");
  });

  it("dateOf reads ISO instants and days, and refuses anything else", () => {
    expect(dateOf("2026-03-12T03:00:00.000Z")?.toISOString()).toBe("2026-03-12T03:00:00.000Z");
    expect(dateOf("2026-03-11")?.toISOString()).toBe("2026-03-11T00:00:00.000Z");
    expect(dateOf(new Date(0))?.getTime()).toBe(0);
    expect(dateOf("soon")).toBeNull();
    expect(dateOf(17)).toBeNull();
    expect(dateOf(null)).toBeNull();
  });

  it("amountOf takes whole non-negative amounts of đồng", () => {
    expect(amountOf(150000)).toBe(150000);
    expect(amountOf("150000")).toBe(150000);
    expect(amountOf(0)).toBe(0);
    expect(amountOf(-1)).toBeNull();
    expect(amountOf(Number.NaN)).toBeNull();
    expect(amountOf(Number.POSITIVE_INFINITY)).toBeNull();
    expect(amountOf("1e9")).toBeNull();
    expect(amountOf("lots")).toBeNull();
  });
});

describe("links", () => {
  const base = "https://portal.example.vn/";
  it("lead the applicant to their dossier page and staff to the staff page, in their language", () => {
    expect(noticeLink({ code: "A B/1" }, { fullName: "", locale: "en", isStaff: false }, base)).toBe(
      "https://portal.example.vn/en/dossiers/A%20B%2F1",
    );
    expect(noticeLink({ code: "X-1" }, { fullName: "", locale: "vi", isStaff: true }, base)).toBe(
      "https://portal.example.vn/vi/staff/dossiers/X-1",
    );
    expect(accountLink("vi", base)).toBe("https://portal.example.vn/vi/account");
  });
});

describe("the kinds", () => {
  it("are each listed once", () => {
    expect(new Set(noticeKinds).size).toBe(noticeKinds.length);
    expect(isNoticeKind("dossier.paid")).toBe(true);
    expect(isNoticeKind("dossier")).toBe(false);
    expect(isNoticeKind("__proto__")).toBe(false);
  });
});

describe("sortDigestEntries", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 2, day, 3));
  it("puts overdue dossiers first, each group by due date", () => {
    const sorted = sortDigestEntries([
      { code: "C", procedureName: "", dueAt: at(14), overdue: false },
      { code: "B", procedureName: "", dueAt: at(9), overdue: true },
      { code: "A", procedureName: "", dueAt: at(12), overdue: false },
      { code: "D", procedureName: "", dueAt: at(5), overdue: true },
    ]);
    expect(sorted.map((entry) => entry.code)).toEqual(["D", "B", "A", "C"]);
  });
});

describe("the preferences' schema", () => {
  it("takes a language and two yes-or-no channels", () => {
    expect(
      preferencesSchema.safeParse({ locale: "en", notifyByEmail: false, notifyInInbox: true }).success,
    ).toBe(true);
  });

  it("refuses another language, a missing one, or a channel that is not a boolean", () => {
    const locale = preferencesSchema.safeParse({ locale: "fr", notifyByEmail: true, notifyInInbox: true });
    expect(locale.success ? [] : locale.error.issues.map((issue) => issue.message)).toEqual([
      "errors.locale",
    ]);
    expect(preferencesSchema.safeParse({ notifyByEmail: true, notifyInInbox: true }).success).toBe(false);
    expect(
      preferencesSchema.safeParse({ locale: "vi", notifyByEmail: "on", notifyInInbox: true }).success,
    ).toBe(false);
  });

  it("lets sign-up say a language, or none", () => {
    const base = {
      fullName: "Lê Thị Hoa",
      email: "hoa@example.vn",
      phone: "0912345678",
      password: "mật khẩu thật dài",
      confirmPassword: "mật khẩu thật dài",
    };
    expect(signUpSchema.safeParse(base).success).toBe(true);
    expect(signUpSchema.parse({ ...base, locale: "en" }).locale).toBe("en");
    expect(signUpSchema.safeParse({ ...base, locale: "de" }).success).toBe(false);
  });
});
