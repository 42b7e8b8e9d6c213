import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

/**
 * The public procedure page prints only what a citizen needs: no note of how the demo data was
 * cleaned, fees as the legal texts set them, and an amount set elsewhere says where (issue 9).
 */
const internal =
  /demo|dữ liệu thu thập|source data|crawl|the portal (says|shows|gives)|cổng (chỉ )?ghi|cổng hiển thị|left blank|lược bỏ/i;

for (const lang of ["vi", "en"] as const) {
  test.describe(`procedure pages (${lang})`, () => {
    test.use({ viewport: { width: 320, height: 800 } });

    for (const code of ["1.001193", "1.000656", "3.000333", "1.013225", "1.004194", "2.001610"]) {
      test(`${code} shows no internal note`, async ({ page }) => {
        await page.goto(`/${lang}/procedures/${code}`);
        await expect(page.locator("h1")).toBeVisible();
        await expect(page.locator("main")).not.toContainText(internal);
      });
    }

    test("the judicial record certificate shows its fee and who pays less", async ({ page }) => {
      await page.goto(`/${lang}/procedures/3.000333`);
      const fees = page.getByRole("table");
      await expect(fees).toContainText(lang === "vi" ? "200.000" : "200,000");
      await expect(fees).toContainText(lang === "vi" ? "100.000" : "100,000");
      await expect(fees).not.toContainText(lang === "vi" ? "Miễn phí" : "Free");
      await expect(page.locator("main")).toContainText("Thông tư 244/2016/TT-BTC");
      await expect(page.locator("main")).toContainText(
        lang === "vi" ? "Miễn phí cho trẻ em" : "Free for children",
      );
      await expectAccessible(page, `judicial record ${lang}`);
    });

    test("a fee set by the provincial council is not called free and says where it is set", async ({
      page,
    }) => {
      await page.goto(`/${lang}/procedures/1.013225`);
      const fees = page.getByRole("table");
      await expect(fees).not.toContainText(lang === "vi" ? "Miễn phí" : "Free");
      await expect(fees).toContainText("Hội đồng nhân dân tỉnh");
      // The seed marks it as decided by the provincial committee: the page says so (it takes time).
      await expect(page.locator("main")).toContainText(
        lang === "vi" ? "Ủy ban nhân dân tỉnh quyết định tập thể" : "Decided collectively by the provincial",
      );
      await expectAccessible(page, `building permit ${lang}`);
    });

    test("death registration is free on time, and a late one pays the council's rate", async ({ page }) => {
      await page.goto(`/${lang}/procedures/1.000656`);
      const fees = page.getByRole("table");
      await expect(fees).toContainText("Miễn phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày mất)");
      if (lang === "en") await expect(fees).toContainText("Free");
      await expect(fees).toContainText("Đăng ký khai tử quá hạn");
    });
  });
}
