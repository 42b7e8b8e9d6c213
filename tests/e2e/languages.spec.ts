import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

test.describe("languages and errors", () => {
  test("/ goes to Vietnamese by default and English by Accept-Language", async ({ browser }) => {
    const vi = await browser.newContext({ locale: "vi-VN" });
    const viPage = await vi.newPage();
    await viPage.goto("/");
    await expect(viPage).toHaveURL(/\/vi$/);
    await expect(viPage.locator("html")).toHaveAttribute("lang", "vi");
    await vi.close();

    const en = await browser.newContext({
      locale: "en-GB",
      extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    const enPage = await en.newPage();
    await enPage.goto("/");
    await expect(enPage).toHaveURL(/\/en$/);
    await en.close();
  });

  test("the language cookie wins over Accept-Language, and the switch keeps the page", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      locale: "en-GB",
      extraHTTPHeaders: { "Accept-Language": "en" },
    });
    const page = await context.newPage();
    await page.goto("/vi/procedures?q=khai+sinh");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/procedures\?q=khai\+sinh$/);
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page).toHaveURL(/\/vi\/procedures\?q=khai\+sinh$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/vi$/);
    await context.close();
  });

  test("unknown pages get a 404 in the reader's language", async ({ page }) => {
    const response = await page.goto("/en/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expectAccessible(page, "404 en");
    const vi = await page.goto("/vi/khong-co-trang-nay");
    expect(vi?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  });

  test("health reports the database and migrations", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(["pglite", "postgres"]).toContain(body.database);
    expect(body.migrations.applied).toBe(body.migrations.available);
  });
});

test("the language switch keeps a page whose address has dots (a procedure code)", async ({ page }) => {
  await page.goto("/vi/procedures/1.001193");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/procedures\/1\.001193$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birth registration");
});

test("API errors are JSON: unknown address 404, wrong method 405, bad code 400", async ({ request }) => {
  const unknown = await request.get("/api/v1/no-such-thing");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "not_found" });

  const wrongMethod = await request.post("/api/v1/dossiers/000.01.01.H33-261127-0001/status");
  expect(wrongMethod.status()).toBe(405);
  expect((await wrongMethod.json()).error).toBe("method_not_allowed");

  const badCode = await request.get("/api/v1/dossiers/not%20a%20code/status");
  expect(badCode.status()).toBe(400);
  expect((await badCode.json()).error).toBe("invalid_code");
});

test("after moving between pages in the browser, the switch still names the current page", async ({
  page,
}) => {
  await page.goto("/en");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Procedures" })
    .click();
  await expect(page).toHaveURL(/\/en\/procedures$/);
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Procedures" }),
  ).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(page).toHaveURL(/\/vi\/procedures$/);
});

test("on a phone the main navigation folds behind one Menu control, and opens without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto("/vi");
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  await expect(nav.getByRole("link", { name: "Thủ tục hành chính" })).toBeHidden();
  await nav.getByText("Danh mục", { exact: true }).click();
  await nav.getByRole("link", { name: "Thủ tục hành chính" }).click();
  await expect(page).toHaveURL(/\/vi\/procedures$/);
  await context.close();

  // axe runs inside the page, so it needs JavaScript: the same page, menu open.
  const withScripts = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const scripted = await withScripts.newPage();
  await scripted.goto("/vi");
  await scripted.getByText("Danh mục", { exact: true }).click();
  await expect(scripted.getByRole("link", { name: "Thủ tục hành chính" }).first()).toBeVisible();
  await expectAccessible(scripted, "menu open on a phone");
  await withScripts.close();
});

test("on a wide screen every navigation link shows and there is no Menu control", async ({ page }) => {
  await page.goto("/en");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Procedures" })).toBeVisible();
  await expect(nav.getByText("Menu", { exact: true })).toBeHidden();
});
