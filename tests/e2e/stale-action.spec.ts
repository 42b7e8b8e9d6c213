import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viForms from "../../locales/vi/forms.json" with { type: "json" };
import enForms from "../../locales/en/forms.json" with { type: "json" };

/*
 * After a rebuild (every release) a form left open posts to a server action id the new build does
 * not have. Simulated here by changing the id on the way out, as a page of the previous build would
 * send it: the person gets the form again, what they typed (but the passwords), and a plain notice;
 * sending again works.
 */

const words = { vi: { auth: viAuth, forms: viForms }, en: { auth: enAuth, forms: enForms } };

/** An action id of the right shape that no build has: the last hex digit changed. */
const otherId = (id: string) => id.slice(0, -1) + (id.endsWith("0") ? "1" : "0");

/** Tampers the first form post only: the one sent again afterwards goes through as it is. */
async function staleOnce(page: Page, tamper: (route: Route, request: Request) => Promise<void>) {
  let done = false;
  await page.route("**/sign-up", async (route, request) => {
    if (done || request.method() !== "POST") return route.continue();
    done = true;
    await tamper(route, request);
  });
}

async function fillSignUp(page: Page, lang: "vi" | "en", email: string) {
  const w = words[lang].auth;
  await page.getByLabel(w.fields.fullName).fill("Đỗ Thị Hồng Nhung");
  await page.getByLabel(w.fields.email).fill(email);
  await page.getByLabel(w.fields.phone).fill("0987654321");
  await page.getByLabel(w.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await page.getByLabel(w.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
}

async function expectFormBack(page: Page, lang: "vi" | "en", email: string) {
  const w = words[lang];
  await expect(page.getByText(w.forms.staleAction.title)).toBeVisible();
  await expect(page.getByText(w.forms.staleAction.body)).toBeVisible();
  await expect(page.getByLabel(w.auth.fields.fullName)).toHaveValue("Đỗ Thị Hồng Nhung");
  await expect(page.getByLabel(w.auth.fields.email)).toHaveValue(email);
  await expect(page.getByLabel(w.auth.fields.phone)).toHaveValue("0987654321");
  await expect(page.getByLabel(w.auth.fields.password, { exact: true })).toHaveValue("");
}

test("without JavaScript, a post to an action of an earlier build gets the form again with what was typed", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
  const page = await context.newPage();
  const email = `stale-nojs-${Date.now()}@example.vn`;
  await page.goto("/vi/sign-up");
  let answered = 0;
  await staleOnce(page, async (route, request) => {
    const body = request.postDataBuffer()!.toString("latin1");
    const id = /"id":"([0-9a-f]+)"/.exec(body)?.[1];
    expect(id, "the form names its action in the post").toBeTruthy();
    const response = await route.fetch({ postData: Buffer.from(body.replace(id!, otherId(id!)), "latin1") });
    answered = response.status();
    await route.fulfill({ response });
  });
  await fillSignUp(page, "vi", email);
  await page.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expectFormBack(page, "vi", email);
  expect(answered).toBe(200);

  // The page came from the new build: sending again creates the account.
  await page.getByLabel(viAuth.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await page.getByLabel(viAuth.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
  await page.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers/);
  await context.close();
});

test("with JavaScript, the same gets the form again with what was typed, then sends", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const email = `stale-js-${Date.now()}@example.vn`;
  await page.goto("/en/sign-up");
  await staleOnce(page, async (route, request) => {
    const id = request.headers()["next-action"];
    expect(id, "JavaScript posts name the action in a header").toBeTruthy();
    await route.continue({ headers: { ...request.headers(), "next-action": otherId(id!) } });
  });
  await fillSignUp(page, "en", email);
  await page.getByRole("button", { name: enAuth.signUp.submit }).click();
  await expectFormBack(page, "en", email);

  await page.getByLabel(enAuth.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await page.getByLabel(enAuth.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
  await page.getByRole("button", { name: enAuth.signUp.submit }).click();
  await expect(page).toHaveURL(/\/en\/dossiers/);
  await context.close();
});
