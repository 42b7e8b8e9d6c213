import { describe, expect, it } from "vitest";
import { carriedValues, decodeStaleForm, encodeStaleForm, postedActionIds } from "@/lib/http/staleAction";

/* What the proxy reads from a form post to tell an action of an earlier build (lib/http/staleAction). */

const id = "40" + "a".repeat(40);

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("a form post's server action ids", () => {
  it("reads a form bound to useActionState ($ACTION_REF_n with its descriptor) and a plain one", () => {
    expect(
      postedActionIds(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })],
          ["$ACTION_1:1", "[{}]"],
          ["$ACTION_KEY", "k"],
          ["email", "a@b.vn"],
        ]),
      ),
    ).toEqual([id]);
    expect(postedActionIds(form([[`$ACTION_ID_${id}`, ""]]))).toEqual([id]);
  });

  it("finds none in a post that is no server action, and an unreadable descriptor as unknown", () => {
    expect(postedActionIds(form([["q", "x"]]))).toEqual([]);
    expect(postedActionIds(form([["$ACTION_REF_1", ""]]))).toEqual([""]);
  });
});

describe("what is carried back to the form", () => {
  it("keeps typed text, never a password, a file or React's fields; strips NUL", () => {
    const values = carriedValues(
      form([
        ["$ACTION_1:0", "{}"],
        ["fullName", "Đỗ Thị\0 Nhung"],
        ["password", "secret-secret"],
        ["confirmPassword", "secret-secret"],
        ["doc_x", new Blob(["%PDF"])],
        ["lang", "vi"],
      ]),
    );
    expect(values).toEqual({ fullName: "Đỗ Thị Nhung", lang: "vi" });
  });

  it("travels in a header and back; a forged or broken header gives nothing", () => {
    const header = encodeStaleForm({ values: { fullName: "Nguyễn Văn A" } });
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStaleForm(header)).toEqual({ values: { fullName: "Nguyễn Văn A" } });
    expect(decodeStaleForm("%%%")).toBeNull();
    expect(decodeStaleForm(null)).toBeNull();
    // Too long to carry: the notice still shows, the fields come back empty.
    expect(decodeStaleForm(encodeStaleForm({ values: { a: "x".repeat(300_000) } }))).toEqual({ values: {} });
  });
});
