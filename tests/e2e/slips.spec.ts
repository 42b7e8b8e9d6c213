import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viSlips from "../../locales/vi/slips.json" with { type: "json" };
import enSlips from "../../locales/en/slips.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import { demo, demoPassword, expectAccessible } from "./support";

/*
 * The official slips: a receiver accepts a dossier and opens its receipt (slip 01) as a PDF; the
 * applicant downloads theirs from their dossier page; the register's form answers with the PDF or
 * with its errors, without JavaScript too. axe on each page touched, in both languages.
 */

const shots = process.env.SLIPS_SHOTS_DIR;

async function signIn(
  browser: Browser,
  email: string,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
) {
  const context = await browser.newContext({
    locale: "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

async function expectPdf(page: Page, href: string, fileName: RegExp) {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(fileName);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const slip01 = (lang: "vi" | "en") => ({
  name: new RegExp(`01 – ${viSlips.links.slip["01"]}`),
  translation: lang === "en" ? new RegExp(enSlips.links.translation) : null,
});

test("a receiver accepts a dossier and opens its receipt and appointment slip (01)", async ({ browser }) => {
  const { context, page } = await signIn(browser, demo.receiver);
  await page.goto("/vi/staff");
  const links = page.locator('main a[href*="/vi/staff/dossiers/"]');
  await expect(links.first()).toBeVisible();
  const dossier = (await links.last().getAttribute("href"))!.split("?")[0]!;
  const code = decodeURIComponent(dossier.split("/").pop()!);
  await page.goto(dossier);
  await page.getByRole("button", { name: viStaff.actions.accept.submit }).click();
  await expect(page).toHaveURL(/done=accept/);

  const section = page.getByRole("region", { name: viSlips.links.title });
  const receipt = section.getByRole("link", { name: slip01("vi").name });
  await expect(receipt).toBeVisible();
  // Staff also print the internal control slip (06).
  await expect(
    section.getByRole("link", { name: new RegExp(`06 – ${viSlips.links.slip["06"]}`) }),
  ).toBeVisible();
  const href = (await receipt.getAttribute("href"))!;
  expect(href).toBe(`/api/v1/dossiers/${encodeURIComponent(code)}/slips/01`);
  await expectPdf(page, href, new RegExp(`phieu-01-${code.replace(/\./g, "\\.")}\\.pdf`));
  await expectAccessible(page, "staff dossier with slips, vi");
  await shoot(page, "staff-dossier-vi");

  await page.goto(dossier.replace("/vi/", "/en/"));
  const enSection = page.getByRole("region", { name: enSlips.links.title });
  await expect(enSection.getByRole("link", { name: slip01("en").name })).toBeVisible();
  const translation = enSection.getByRole("link", { name: slip01("en").translation! }).first();
  await expectPdf(page, (await translation.getAttribute("href"))!, /-en\.pdf/);
  await expectAccessible(page, "staff dossier with slips, en");
  await shoot(page, "staff-dossier-en");
  await context.close();
});

test("the applicant downloads their slip 01 from their dossier page, never the internal 06", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, demo.citizen);
  await page.goto("/vi/dossiers");
  const links = page.locator('main a[href^="/vi/dossiers/"]');
  await expect(links.first()).toBeVisible();
  const candidates = (
    await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!))
  ).filter((href) => !href.includes("/drafts/") && !href.endsWith("/new"));
  let found: string | null = null;
  for (const href of candidates.slice(0, 15)) {
    await page.goto(href);
    if ((await page.getByRole("link", { name: slip01("vi").name }).count()) > 0) {
      found = href;
      break;
    }
  }
  expect(found, "a dossier of the demo citizen that was accepted").not.toBeNull();
  const section = page.getByRole("region", { name: viSlips.links.title });
  await expect(section.getByRole("link", { name: /06 –/ })).toHaveCount(0);
  const href = (await section.getByRole("link", { name: slip01("vi").name }).getAttribute("href"))!;
  await expectPdf(page, href, /phieu-01-/);
  // The control slip is the agency's: the applicant gets the same 404 as for someone else's dossier.
  expect((await page.request.get(href.replace(/01$/, "06"))).status()).toBe(404);
  await expectAccessible(page, "applicant dossier with slips, vi");
  await shoot(page, "applicant-dossier-vi");

  await page.goto(found!.replace("/vi/", "/en/"));
  await expect(page.getByRole("region", { name: enSlips.links.title })).toBeVisible();
  await expectAccessible(page, "applicant dossier with slips, en");
  await shoot(page, "applicant-dossier-en");
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`the register's form (JavaScript ${javaScriptEnabled ? "on" : "off"}): errors summarised, then the PDF`, async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, demo.receiver, { javaScriptEnabled });
    for (const lang of ["vi", "en"] as const) {
      const words = lang === "vi" ? viSlips : enSlips;
      await page.goto(`/${lang}/staff`);
      const form = page.getByRole("region", { name: words.register.title });
      await expect(form).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page, `staff queue with the register form, ${lang}`);
      await form.getByLabel(words.register.from).fill("2026-03-31");
      await form.getByLabel(words.register.to).fill("2026-03-01");
      await form.getByRole("button", { name: words.register.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/staff/register\\?`));
      const summary = page.locator(".error-summary");
      await expect(summary.getByRole("link", { name: words.register.errors.toBeforeFrom })).toHaveAttribute(
        "href",
        "#register-to",
      );
      await expect(page.locator("#register-to")).toHaveValue("2026-03-01");
      await expect(page.locator("#register-from")).toHaveValue("2026-03-31");
      if (javaScriptEnabled) {
        await expect(summary).toBeFocused();
        await expectAccessible(page, `register errors, ${lang}`);
        await shoot(page, `register-errors-${lang}`);
      }
    }
    // A valid period goes on to the PDF.
    const url = new URL(page.url());
    url.pathname = "/vi/staff/register";
    url.searchParams.set("from", "2026-01-01");
    url.searchParams.set("to", "2026-03-31");
    const response = await page.request.get(url.toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await context.close();
  });
}
