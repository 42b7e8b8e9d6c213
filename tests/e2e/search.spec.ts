import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support";

/*
 * Finding a procedure: a search with a typo, the filters (audience, life event) as a plain GET form
 * that works with JavaScript off, and the life event pages; axe in both languages at 320 px.
 */

const resultTitles = (page: Page) =>
  page.getByRole("region", { name: /found|thủ tục/i }).getByRole("heading", { level: 3 });

test.describe("search", () => {
  test("a search with a typo finds the birth registration first", async ({ page }) => {
    await page.goto("/vi");
    await page.getByLabel("Tìm thủ tục hành chính").fill("khai sin");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await expect(page).toHaveURL(/\/vi\/procedures\?q=khai\+sin$/);
    await expect(resultTitles(page).first()).toHaveText("Thủ tục đăng ký khai sinh");

    await page.goto("/en/procedures?q=marrige");
    await expect(resultTitles(page).first()).toHaveText("Marriage registration");
    await expect(page.getByText("No procedure contains the words “marrige” as typed.")).toBeVisible();
  });

  test("an empty result says what to try", async ({ page }) => {
    await page.goto("/en/procedures?q=zzzz+qqqq&audience=business");
    await expect(page.getByRole("heading", { name: "0 procedures found for “zzzz qqqq”" })).toBeVisible();
    await expect(page.getByText("Try fewer words")).toBeVisible();
    await page.getByRole("link", { name: "search all procedures" }).click();
    await expect(page).toHaveURL(/\/en\/procedures\?q=zzzz%20qqqq$/);
    await expect(
      page.getByRole("heading", { name: /^\d+ procedures? found for “zzzz qqqq”$/ }),
    ).toBeVisible();
    await expect(page.getByLabel("For", { exact: true })).toHaveValue("");
    await expect(page.getByRole("link", { name: "Browse procedures by life event" })).toBeVisible();
  });
});

test.describe("filters with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("by business audience, then by life event, with the query kept", async ({ page }) => {
    await page.goto("/en/procedures");
    await page.getByLabel("For", { exact: true }).selectOption("business");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/audience=business/);
    await expect(page.getByRole("heading", { name: "4 procedures found" })).toBeVisible();
    await expect(resultTitles(page)).toHaveCount(4);
    await expect(
      page.getByRole("link", { name: "Registration of a single-member limited liability company" }),
    ).toBeVisible();

    await page.getByLabel("Life event").selectOption("business-start");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/audience=business.*event=business-start/);
    await expect(page.getByRole("heading", { name: "2 procedures found" })).toBeVisible();
    await expect(page.getByLabel("For", { exact: true })).toHaveValue("business");

    await page.getByLabel("Procedure name or code").fill("cong ty tnhh");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { name: "1 procedure found for “cong ty tnhh”" })).toBeVisible();
  });
});

test.describe("life events", () => {
  test("from the home page to an event's procedures", async ({ page }) => {
    await page.goto("/vi");
    await page.getByRole("link", { name: "Thủ tục theo sự kiện trong cuộc sống" }).click();
    await expect(page).toHaveURL(/\/vi\/life-events$/);
    const birth = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Có con nhỏ" }) });
    await expect(birth).toContainText("2 thủ tục");
    await birth.getByRole("link", { name: "Có con nhỏ" }).click();
    await expect(page).toHaveURL(/\/vi\/life-events\/birth$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Có con nhỏ");
    await expect(page.getByRole("heading", { level: 3 })).toHaveText([
      "Thủ tục đăng ký khai sinh",
      "Đăng ký thường trú",
    ]);
    await page.getByRole("link", { name: "Tìm và lọc các thủ tục này" }).click();
    await expect(page).toHaveURL(/\/vi\/procedures\?event=birth$/);
    await expect(page.getByLabel("Sự kiện")).toHaveValue("birth");
    await expect(page.getByRole("heading", { name: "Tìm thấy 2 thủ tục" })).toBeVisible();
  });

  test("an unknown event is a 404", async ({ page }) => {
    const response = await page.goto("/en/life-events/no-such-event");
    expect(response?.status()).toBe(404);
  });
});

test.describe("accessible at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  for (const lang of ["vi", "en"] as const) {
    test(`search, filters, empty result and life event pages in ${lang}`, async ({ page }) => {
      for (const path of [
        `/${lang}/procedures?q=khai+sin&audience=citizen&online=whole&event=birth`,
        `/${lang}/procedures?q=marrige`,
        `/${lang}/procedures?q=zzzz&event=death`,
        `/${lang}/life-events`,
        `/${lang}/life-events/business-start`,
        `/${lang}`,
      ]) {
        await page.goto(path);
        await expectAccessible(page, `${lang} ${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        expect(overflow, `${path} is wider than 320 px`).toBe(false);
      }
    });
  }
});
