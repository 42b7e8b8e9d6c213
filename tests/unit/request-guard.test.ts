import { describe, expect, it } from "vitest";
import { badRequestResponse, guardRequest, requestTargetFlaw } from "@/lib/http/request-guard";

const target = (url: string) => {
  const parsed = new URL(url, "http://portal.test");
  return [parsed.pathname, parsed.search] as const;
};

describe("requestTargetFlaw", () => {
  it.each([
    // Found by fuzzing the running portal: each answered 500.
    ["/_next/%C0%AE", "malformed_escape"],
    ["/_next/static/chunks/%ff.js", "malformed_escape"],
    ["/vi/procedures/%zz", "malformed_escape"],
    ["/api/v1/dossiers/%E0%A4%A/status", "malformed_escape"],
    ["/vi/%ff%fe", "malformed_escape"],
    ["/vi/procedures?q=a%00b", "control_character"],
    ["/vi/procedures?agency=%00", "control_character"],
    ["/vi/procedures?field=%00", "control_character"],
    ["/vi/decisions?q=%00", "control_character"],
    ["/vi/procedures?q=%zz", "malformed_escape"],
    ["/vi/procedures?%00=x", "control_character"],
    ["/vi/procedures/%00", "control_character"],
    ["/vi/procedures/a%0Ab", "control_character"],
    ["/vi/lookup?code=%1B", "control_character"],
  ] as const)("%s → %s", (url, flaw) => {
    expect(requestTargetFlaw(...target(url))).toBe(flaw);
  });

  it.each([
    "/",
    "/vi",
    "/vi/procedures/1.001193",
    "/vi/procedures?q=khai+sinh&agency=",
    "/vi/procedures?q=gi%E1%BA%A5y%20ph%C3%A9p",
    "/vi/procedures?q=50%25",
    "/en/decisions?q=line%0Aone%09two%0D",
    "/_next/static/chunks/005oqvmey41gn.js",
    "/vi/dossiers/000.00.01.H33-260306-0001",
    "/vi?",
  ])("lets %s through", (url) => {
    expect(requestTargetFlaw(...target(url))).toBeNull();
  });
});

describe("the 400 answer", () => {
  it("is JSON for the API, with no stack", async () => {
    const response = guardRequest(new URL("http://portal.test/api/v1/dossiers/%E0%A4%A/status"))!;
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ error: "bad_request", reason: "malformed_escape" });
  });

  it("is a page in the language of the path, Vietnamese otherwise", async () => {
    const en = badRequestResponse("/en/procedures/%zz", "malformed_escape");
    expect(en.status).toBe(400);
    expect(en.headers.get("content-type")).toContain("text/html");
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain("This web address is not valid");
    const vi = await badRequestResponse("/_next/%C0%AE", "malformed_escape").text();
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain("Địa chỉ không hợp lệ");
  });

  it("is not given to a sound request", () => {
    expect(guardRequest(new URL("http://portal.test/vi/procedures?q=h%E1%BB%99"))).toBeNull();
  });
});
