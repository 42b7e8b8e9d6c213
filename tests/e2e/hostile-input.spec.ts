import { expect, test } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import viErrors from "../../locales/vi/errors.json" with { type: "json" };
import enErrors from "../../locales/en/errors.json" with { type: "json" };
import { demo, demoPassword } from "./support";

/*
 * Requests a fuzzer sent to the running portal that answered 500 (issue 5): each must now get a 4xx
 * with no stack trace, a small page in the reader's language for pages and JSON for the API.
 */

const pages = [
  "/_next/%C0%AE",
  "/_next/static/chunks/%ff.js",
  "/vi/procedures/%zz",
  "/vi/%ff%fe",
  "/%ff",
  "/vi/procedures?q=a%00b",
  "/vi/procedures?agency=%00",
  "/vi/procedures?field=%00",
  "/vi/decisions?q=%00",
  "/vi/lookup?code=%00",
  "/vi/transparency?agency=%00",
  "/vi/sign-in?callbackUrl=%00",
  "/en/procedures/%zz",
  "/en/procedures?q=%00",
  "/vi/dossiers/%C0%AE",
  "/vi/staff/dossiers/%00",
];
const apis = [
  "/api/v1/dossiers/%E0%A4%A/status",
  "/api/v1/dossiers/a%00b/status",
  "/api/v1/reports/transparency.csv?lang=%00",
  "/api/%zz",
  "/api/health?x=%00",
  "/api/auth/session?x=%00",
];

/** Signs of a leaked stack trace or framework error page. */
const leaks = /\bat [\w.<>]+ \(|node_modules|webpack|turbopack|Internal Server Error|TypeError|URIError/i;

for (const path of pages) {
  test(`page ${path} is refused with 400`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
    const body = await response.text();
    expect(body).not.toMatch(leaks);
    const en = path.startsWith("/en/");
    expect(body).toContain(`<html lang="${en ? "en" : "vi"}">`);
    expect(body).toContain((en ? enErrors : viErrors).badRequest.title);
  });
}

for (const path of apis) {
  test(`API ${path} is refused with 400 JSON`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.text();
    expect(body).not.toMatch(leaks);
    expect(JSON.parse(body)).toMatchObject({ error: "bad_request" });
  });
}

// Next re-encodes the query before the proxy sees it ("%zz" arrives as "%25zz"): a malformed escape
// in a query is read as the literal text, which is harmless, so it need not be refused.
test("a malformed escape in a query is read as text, never a 500", async ({ request }) => {
  for (const path of [
    "/en/decisions?q=%E0%A4%A",
    "/vi/procedures?q=%zz",
    "/api/v1/reports/transparency.csv?agency=%zz",
  ]) {
    expect((await request.get(path)).status(), path).toBeLessThan(500);
  }
});

test("sound addresses still work", async ({ request }) => {
  for (const path of ["/vi/procedures?q=gi%E1%BA%A5y+ph%C3%A9p", "/vi/procedures/1.001193", "/api/health"]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test("a withdraw reason holding a NUL goes through the real form without a 500", async ({ browser }) => {
  const context = await browser.newContext({ locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent("/vi/dossiers")}`);
  await page.getByLabel(viAuth.fields.email).fill(demo.citizen);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers$/);

  // The first of the citizen's dossiers that may still be withdrawn.
  const links = await page
    .locator('a[href^="/vi/dossiers/"]')
    .evaluateAll((anchors) =>
      anchors.map((a) => a.getAttribute("href")!).filter((href) => !href.includes("/drafts/")),
    );
  let found = false;
  for (const href of links) {
    await page.goto(href);
    const start = page.getByRole("link", { name: viDossiers.withdraw.start });
    if ((await start.count()) === 0) continue;
    await start.click();
    found = true;
    break;
  }
  expect(found, "a dossier the demo citizen can withdraw").toBe(true);

  const reason = page.getByLabel(viDossiers.withdraw.comment);
  await reason.evaluate((element) => {
    (element as HTMLTextAreaElement).value = "Tôi đổi\u0000 ý";
  });
  let sentNul = false;
  const statuses: number[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.postDataBuffer()?.includes(0)) sentNul = true;
  });
  page.on("response", (response) => statuses.push(response.status()));
  await page.getByRole("button", { name: viDossiers.withdraw.confirm }).click();
  await expect(page).toHaveURL(/done=withdraw/);
  expect(sentNul, "the browser really sent the NUL").toBe(true);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  await context.close();
});
