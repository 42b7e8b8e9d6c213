import { describe, expect, it } from "vitest";
import { cleanText, formText, formTexts } from "@/lib/forms/formText";
import { textValues } from "@/components/forms/formState";

describe("cleanText", () => {
  it.each([
    ["a\u0000b", "ab"],
    ["\u0000", ""],
    ["x\u0001\u0007\u0008\u000B\u000C\u000E\u001Fy", "xy"],
    ["line one\r\nline two\tend", "line one\r\nline two\tend"],
    ["Nguyễn Văn An", "Nguyễn Văn An"],
    ["del \u007F and nbsp \u00A0 kept", "del \u007F and nbsp \u00A0 kept"],
  ])("%j → %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("formText / formTexts", () => {
  const data = new FormData();
  data.set("reason", "changed\u0000 my mind");
  data.set("comment", "ok\n");
  data.set("file", new Blob(["x"]), "scan.pdf");

  it("reads one field cleaned, '' when absent or a file", () => {
    expect(formText(data, "reason")).toBe("changed my mind");
    expect(formText(data, "missing")).toBe("");
    expect(formText(data, "file")).toBe("");
  });

  it("reads the named fields only, and textValues is the same reader", () => {
    expect(formTexts(data, ["reason", "comment"])).toEqual({ reason: "changed my mind", comment: "ok\n" });
    expect(textValues(data, ["reason"])).toEqual({ reason: "changed my mind" });
  });
});
