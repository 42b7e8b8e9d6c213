import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viCatalog from "../../locales/vi/catalog.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import { inlineScripts, scriptHash } from "../../lib/http/csp.mjs";
import { answerDraftQuickly, demo, demoPassword, fillQuestionPage, pressContinue } from "./support";

/*
 * The content security policy (lib/http/csp.mjs) on every kind of response: on HTML pages, scripts
 * from this site plus the page's own inline scripts by hash (scripts/server.mjs); elsewhere, this
 * site's files only. And the journey working under it with JavaScript on: no `securitypolicyviolation` anywhere, client navigation, client-side
 * validation and server actions all running.
 */

const pages = [
  "/vi",
  "/en",
  "/vi/procedures?q=khai+sinh",
  "/vi/procedures/1.001193",
  "/vi/lookup",
  "/vi/transparency",
  "/vi/decisions",
  "/vi/sign-in",
  "/en/sign-up",
  "/vi/no-such-page",
  "/vi/procedures/%zz", // the request guard's own 400 page
  "/vi/dossiers", // redirects to sign-in
  "/api/health",
  "/api/v1/dossiers/000.00.01.H33-260101-9999/status",
  "/api/v1/reports/transparency.csv?lang=vi",
];

function directives(header: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

for (const path of pages) {
  test(`${path} sends the content security policy`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    const policy = directives(response.headers()["content-security-policy"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("script-src-attr")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    const scriptSrc = policy.get("script-src");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    if ((response.headers()["content-type"] ?? "").startsWith("text/html")) {
      // An HTML page: its own inline scripts by hash (scripts/server.mjs), and no other.
      const body = await response.text();
      const hashes = [...new Set(inlineScripts(body).map((text) => `'${scriptHash(text)}'`))];
      expect(scriptSrc).toEqual(["'self'", ...hashes]);
      // Every Next page has its bootstrap and flight-data scripts (the request guard's page has none).
      if (response.status() !== 400 && body.includes("/_next/static/")) {
        expect(hashes.length, path).toBeGreaterThanOrEqual(2);
        expect(scriptSrc!.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(source))).toBe(
          true,
        );
      }
    } else {
      expect(scriptSrc).toEqual(["'self'"]);
    }
  });
}

/** Every violation in any page of the context, with where it happened. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  // Chromium also reports a refusal in the console ("Refused to execute inline script…").
  context.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await context.exposeBinding("__cspViolation", ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
      void report(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[.?]/g, "\\$&")));
}

test("the journey works under the policy with no violation: sign in, find, file a draft, staff page", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: true });
  const violations = await watchViolations(context);
  const page = await context.newPage();

  await signIn(page, demo.citizen, "/vi/dossiers");

  // Client navigation: the page is not reloaded (a marker set on window survives).
  await page.goto("/vi");
  await page.evaluate(() => ((window as unknown as { __stayed: boolean }).__stayed = true));
  await page
    .getByRole("navigation", { name: viCommon.nav.label })
    .getByRole("link", { name: viCommon.nav.procedures })
    .click();
  await expect(page).toHaveURL(/\/vi\/procedures$/);
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);

  await page.goto("/vi/procedures/1.001193");
  await page
    .getByRole("button", { name: viCatalog.procedure.start })
    .or(page.getByRole("link", { name: viCatalog.procedure.start }))
    .first()
    .click();
  await expect(page).toHaveURL(/\/vi\/dossiers\/new\?procedure=1\.001193/);
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: viDossiers.new.start }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers\/drafts\/[0-9a-f-]+$/);

  // The browser checks the page at once (and saves it all the same: a server action).
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST") posts++;
  });
  await page.goto(`${new URL(page.url()).pathname}/continue`);
  await page.getByRole("button", { name: viCommon.actions.continue, exact: true }).click();
  await expect(page.locator(".error-summary")).toBeVisible();
  // Two question pages and the upload page in the browser (every script a filing page runs); the
  // other pages are alike and get their answers through the routes they post to.
  const answers = {
    child: "Nguyễn Minh Anh",
    sex: "female",
    mother: "Trần Thị Mai",
    idNumber: "033190001234",
  } as const;
  const draftId = /\/drafts\/([^/?#]+)/.exec(page.url())![1]!;
  for (let step = 0; step < 2; step += 1) {
    await fillQuestionPage(page, answers);
    await pressContinue(page);
  }
  await answerDraftQuickly(page, draftId, answers, { documents: false });
  await page.goto(`/vi/dossiers/drafts/${draftId}/pages/birth-certificate`);
  await fillQuestionPage(page, answers);
  await pressContinue(page);
  await page.goto(`/vi/dossiers/drafts/${draftId}/check`);
  await expect(page.getByText("giay-chung-sinh.pdf").first()).toBeVisible();
  expect(posts).toBeGreaterThan(0);

  // The staff dossier page, reached from the queue.
  const staff = await browser.newContext({ locale: "vi-VN" });
  const staffViolations = await watchViolations(staff);
  const staffPage = await staff.newPage();
  await signIn(staffPage, demo.receiver, "/vi/staff");
  await staffPage.locator('a[href*="/vi/staff/dossiers/"]').first().click();
  await expect(staffPage).toHaveURL(/\/vi\/staff\/dossiers\/.+/);
  await expect(staffPage.getByRole("heading", { level: 1 })).toBeVisible();

  // Signing out posts a form: form-action 'self' must not block it or its redirect.
  await staffPage.getByRole("button", { name: viCommon.nav.signOut }).click();
  await expect(staffPage.getByRole("link", { name: viCommon.nav.signIn })).toBeVisible();

  expect([...violations, ...staffViolations]).toEqual([]);
  await staff.close();
  await context.close();
});
