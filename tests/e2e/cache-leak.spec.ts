import { expect, test, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import { demo, demoPassword, fileBirthRegistration } from "./support";

/*
 * The public pages come from a cache shared by everyone who is not signed in (lib/http/pageSegment).
 * Person A signs in, files a dossier and reads every cached page (so that, were the cache keyed
 * wrongly, A's pages would be what it holds); then a visitor without a session and another signed-in
 * person B read the same pages, as HTML and as the data a client-side navigation fetches. Neither
 * may see A's name, e-mail or dossier code.
 */

const cachedPages = [
  "/vi",
  "/vi/procedures",
  "/vi/procedures?q=dang+ky+khai+sinh",
  "/vi/procedures/1.001193",
  "/vi/transparency",
  "/vi/decisions",
  "/vi/lookup",
  "/en",
  "/en/procedures",
  "/en/procedures?q=birth",
  "/en/procedures/1.001193",
  "/en/transparency",
  "/en/decisions",
  "/en/lookup",
];

/** Letters only, so the name passes the sign-up form's checks and appears nowhere else. */
const marker = Array.from({ length: 8 }, () => "bcdfghklmnpqrstvxy"[Math.floor(Math.random() * 18)]).join("");
const nameOfA = `Lê Thị ${marker[0]!.toUpperCase()}${marker.slice(1)}`;
const emailOfA = `cache-${marker}@example.com`;

async function signUpAndFile(page: Page): Promise<string> {
  await page.goto("/vi/sign-up");
  await page.getByLabel(viAuth.fields.fullName).fill(nameOfA);
  await page.getByLabel(viAuth.fields.email).fill(emailOfA);
  await page.getByLabel(viAuth.fields.phone).fill("0912345678");
  await page.getByLabel(viAuth.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await page.getByLabel(viAuth.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
  await page.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers/);
  return fileBirthRegistration(page, {
    child: "Nguyễn Minh Anh",
    sex: "female",
    mother: nameOfA,
    idNumber: "033190001234",
  });
}

function expectNothingOfA(body: string, code: string, who: string, path: string) {
  for (const secret of [nameOfA, marker, emailOfA, code]) {
    expect(body.includes(secret), `${who} got "${secret}" from ${path}`).toBe(false);
  }
}

test("a cached page never carries one person's data to another", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const contextA = await browser.newContext();
  const pageA = await contextA.newPage();
  const code = await signUpAndFile(pageA);
  expect(code).toMatch(/^[\d.]+H\d{2}-\d{6}-\d{4}$/);

  // A reads every cached page, with the browser and as a client-side navigation would.
  for (const path of cachedPages) {
    await pageA.goto(path);
    await expect(pageA.locator("header")).toContainText(nameOfA);
    const rsc = await contextA.request.get(path, { headers: { RSC: "1" } });
    expect(rsc.ok()).toBe(true);
  }

  // Nobody signed in: plain HTML and the navigation data, twice (the second surely from the cache).
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const round of [1, 2]) {
    for (const path of cachedPages) {
      const html = await anonymous.get(path);
      expect(html.status(), path).toBe(200);
      if (round === 2)
        expect(html.headers()["x-nextjs-cache"], `${path} from the cache`).toMatch(/^(HIT|STALE)$/);
      expectNothingOfA(await html.text(), code, "a visitor", path);
      const rsc = await anonymous.get(path, { headers: { RSC: "1" } });
      expectNothingOfA(await rsc.text(), code, "a visitor's navigation", path);
    }
  }
  await anonymous.dispose();

  // B, signed in: their own name, never A's.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await pageB.goto("/vi/sign-in");
  await pageB.getByLabel(viAuth.fields.email).fill(demo.citizen);
  await pageB.getByLabel(viAuth.fields.password).fill(demoPassword);
  await pageB.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(pageB).toHaveURL(/\/vi\/dossiers/);
  for (const path of cachedPages) {
    const response = await pageB.goto(path);
    expectNothingOfA((await response?.text()) ?? "", code, "B", path);
    await expect(pageB.locator("header")).not.toContainText(nameOfA);
    const rsc = await contextB.request.get(path, { headers: { RSC: "1" } });
    expectNothingOfA(await rsc.text(), code, "B's navigation", path);
  }
  await contextA.close();
  await contextB.close();
});

test("signed in without JavaScript, the header still says who you are on a public page", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(demo.citizen);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers/);
  for (const path of ["/vi", "/vi/procedures", "/vi/transparency"]) {
    await page.goto(path);
    await expect(page.locator("header").getByRole("button", { name: viCommon.nav.signOut })).toBeVisible();
    await expect(page.locator("header").getByRole("link", { name: viCommon.nav.signIn })).toHaveCount(0);
  }
  await context.close();
});

test("a form posted without JavaScript runs its action: never the cached page, never another's answer", async ({
  browser,
}) => {
  // Someone signs up with JavaScript: their action's answer carries their new session.
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  const someone = `Đỗ Văn ${marker[1]!.toUpperCase()}${marker.slice(2)}`;
  await firstPage.goto("/vi/sign-up");
  await firstPage.getByLabel(viAuth.fields.fullName).fill(someone);
  await firstPage.getByLabel(viAuth.fields.email).fill(`post-${marker}@example.com`);
  await firstPage.getByLabel(viAuth.fields.phone).fill("0912345678");
  await firstPage.getByLabel(viAuth.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await firstPage.getByLabel(viAuth.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
  await firstPage.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expect(firstPage).toHaveURL(/\/vi\/dossiers$/);
  await first.close();

  // Then a visitor without JavaScript sends the form empty, twice (the page is surely cached by then).
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const page = await visitor.newPage();
  for (const round of [1, 2]) {
    await page.goto("/vi/sign-up");
    await page.getByRole("button", { name: viAuth.signUp.submit }).click();
    await expect(page.locator(".error-summary"), `round ${round}`).toBeVisible();
    await expect(page).toHaveURL(/\/vi\/sign-up/);
    await expect(page.locator("header")).not.toContainText(someone);
    await expect(page.locator("header").getByRole("link", { name: viCommon.nav.signIn })).toBeVisible();
  }
  await visitor.close();
});
