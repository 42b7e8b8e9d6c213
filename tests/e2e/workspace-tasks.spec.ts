import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viWorkspace from "../../locales/vi/workspace.json" with { type: "json" };
import enWorkspace from "../../locales/en/workspace.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, samplePdf } from "./support";

/*
 * Tasks from conclusions: the chair gives a task from a concluded opinion form to the Department
 * of Justice's specialist, who reports it done with a document; the chair's dashboard counts it,
 * and its CSV has it. Every tasks page passes axe in both languages at 320 px.
 *
 * The body, the chair and the concluded opinion form come from the workspace's demo seed
 * (db/seed/workspace.ts); the form's page links to giving tasks from its conclusion.
 */

const auth = { vi: viAuth, en: enAuth };
const words = { vi: viWorkspace.tasks, en: enWorkspace.tasks };
const chair = "chair@demo.hungyen.gov.vn";
const justice = { vi: "Sở Tư pháp tỉnh Hưng Yên", en: "Hung Yen Department of Justice" };
/** The concluded opinion form of the seed, as its page's "give tasks" link names it. */
let source = "";

async function signIn(
  browser: Browser,
  email: string,
  lang: "vi" | "en",
  to: string,
  width = 1280,
  javaScriptEnabled = true,
) {
  const context = await browser.newContext({
    locale: lang === "vi" ? "vi-VN" : "en-GB",
    viewport: { width, height: 900 },
    javaScriptEnabled,
  });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel(auth[lang].fields.email).fill(email);
  await page.getByLabel(auth[lang].fields.password).fill(demoPassword);
  await page.getByRole("button", { name: auth[lang].signIn.submit }).click();
  await page.waitForURL((url) => url.pathname === to.split("?")[0]);
  return { context, page };
}

/** Gives one task from the stand-in conclusion to the justice specialist; returns its code. */
async function giveTask(page: Page, lang: "vi" | "en", title: string): Promise<string> {
  const w = words[lang];
  await page.getByRole("textbox", { name: w.new.taskTitle, exact: true }).fill(title);
  await page.getByLabel(w.new.agency, { exact: true }).selectOption({ label: justice[lang] });
  const officer = await page
    .locator(`#task-0-ownerUserId optgroup[label="${justice[lang]}"] option`, { hasText: "Phạm Minh Tuấn" })
    .getAttribute("value");
  await page.getByLabel(w.new.officer, { exact: true }).selectOption(officer!);
  await page.getByRole("radio", { name: w.deadline.workingDays, exact: true }).check();
  await page.getByRole("textbox", { name: w.deadline.daysLabel, exact: true }).fill("5");
  await page.getByRole("button", { name: w.new.submit }).click();
  await expect(page).toHaveURL(/created=NV-/);
  const code = new URL(page.url()).searchParams.get("created")!;
  await expect(page.getByText(w.new.created.replace("{{codes}}", code))).toBeVisible();
  return code;
}

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signIn(browser, chair, "vi", "/vi/workspace/opinions");
  await page
    .getByRole("link", { name: /Kế hoạch chuyển đổi số/ })
    .first()
    .click();
  await page.getByRole("link", { name: viWorkspace.opinions.giveTasks }).click();
  await expect(page).toHaveURL(/source=opinion_form%3A|source=opinion_form:/);
  source = new URL(page.url()).searchParams.get("source")!;
  await context.close();
});

test("a task given from a conclusion is reported done by its owner, and the chair's dashboard counts it", async ({
  browser,
}) => {
  const w = words.vi;
  const { context, page } = await signIn(browser, chair, "vi", `/vi/workspace/tasks/new?source=${source}`);
  await expect(page.getByRole("heading", { level: 1, name: w.new.title })).toBeVisible();
  await expect(page.getByText(/giao Văn phòng UBND tỉnh hoàn thiện dự thảo/)).toBeVisible();

  // Posted empty: the summary links to the missing title; nothing is given.
  await page.getByRole("button", { name: w.new.submit }).click();
  await expect(
    page.locator(".error-summary").getByRole("link", { name: w.errors.required }).first(),
  ).toHaveAttribute("href", "#task-0-title");

  const code = await giveTask(page, "vi", "Rà soát thủ tục hành chính cấp tỉnh (e2e)");
  await expect(page.getByRole("row").filter({ hasText: code })).toContainText(w.status.in_progress);

  // The owner reports it done, with a document, in English.
  const owner = await signIn(browser, demo.specialist, "en", "/en/workspace/tasks");
  const e = words.en;
  await owner.page.getByRole("link", { name: code }).click();
  await expect(owner.page.getByRole("heading", { level: 1 })).toHaveText(
    "Rà soát thủ tục hành chính cấp tỉnh (e2e)",
  );
  await owner.page
    .getByRole("textbox", { name: e.report.text, exact: true })
    .fill("Reviewed 42 procedures; the report is attached.");
  await owner.page.getByLabel(e.report.documents, { exact: true }).setInputFiles({
    name: "bao-cao-ra-soat.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await owner.page.getByRole("checkbox", { name: e.report.completes }).check();
  await owner.page.getByRole("button", { name: e.report.submit }).click();
  await expect(owner.page).toHaveURL(/\?done=completed$/);
  await expect(owner.page.getByText(e.report.done)).toBeVisible();
  await expect(owner.page.getByText(e.status.done_on_time).first()).toBeVisible();
  const documentLink = owner.page.getByRole("link", { name: /bao-cao-ra-soat\.pdf/ });
  const documentHref = (await documentLink.getAttribute("href"))!;
  const download = await owner.page.request.get(documentHref);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("bao-cao-ra-soat.pdf");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await owner.context.close();

  // An officer outside the body and the owner agency learns nothing: the task and its document are 404.
  const stranger = await signIn(browser, demo.receiver, "en", "/en/workspace/tasks");
  expect((await stranger.page.goto(`/en/workspace/tasks/${code}`))!.status()).toBe(404);
  expect((await stranger.page.request.get(documentHref)).status()).toBe(404);
  await stranger.context.close();

  // The chair's dashboard counts it for the Department of Justice; the CSV has it, with its status.
  await page.goto("/vi/workspace/tasks/dashboard");
  const byAgency = page.getByRole("table", { name: w.dashboard.byAgency });
  const row = byAgency.locator("tbody tr").filter({ hasText: justice.vi });
  await expect(row).toBeVisible();
  const headers = await byAgency.locator("thead th").allTextContents();
  const doneColumn = headers.indexOf(w.status.done_on_time);
  expect(
    Number((await row.locator("th, td").nth(doneColumn).innerText()).replace(/\D/g, "")),
  ).toBeGreaterThanOrEqual(1);
  const csvHref = await page.getByRole("link", { name: w.dashboard.export }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const line = body
    .toString("utf8")
    .split("\r\n")
    .find((l) => l.startsWith(`${code},`));
  expect(line).toContain(w.status.done_on_time);
  expect(line).toContain(",done_on_time,");
  await page.screenshot({ path: "test-results/workspace-tasks-dashboard-vi.png", fullPage: true });
  await context.close();
});

for (const lang of ["vi", "en"] as const) {
  test(`every tasks page passes axe at 320 px (${lang})`, async ({ browser }) => {
    const w = words[lang];
    const { context, page } = await signIn(
      browser,
      chair,
      lang,
      `/${lang}/workspace/tasks/new?source=${source}`,
      320,
    );
    await expectAccessible(page, "new task, empty");
    await page.getByRole("button", { name: w.new.submit }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page, "new task, with errors");
    const code = await giveTask(page, lang, `Báo cáo tiến độ (axe ${lang})`);
    await expectAccessible(page, "new task, given");
    for (const path of [
      `/${lang}/workspace/tasks?view=body`,
      `/${lang}/workspace/tasks/${code}`,
      `/${lang}/workspace/tasks/dashboard`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The task's page shows its history: who gave it, when.
      if (path.endsWith(code))
        await expect(page.locator(".timeline")).toContainText(w.history.events.created);
      await expectAccessible(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.screenshot({ path: `test-results/workspace-tasks-dashboard-320-${lang}.png`, fullPage: true });
    // The owner's view of the task, with the report form; a report sent empty shows its errors.
    const owner = await signIn(browser, demo.specialist, lang, `/${lang}/workspace/tasks/${code}`, 320);
    await expectAccessible(owner.page, "task with the report form");
    await owner.page.getByRole("button", { name: w.report.submit }).click();
    await expect(owner.page.locator(".error-summary")).toBeVisible();
    await expectAccessible(owner.page, "report form with errors");
    await owner.page.screenshot({
      path: `test-results/workspace-tasks-task-320-${lang}.png`,
      fullPage: true,
    });
    await owner.context.close();
    await context.close();
  });
}

test("without JavaScript: a task is given, and its owner reports progress with a document", async ({
  browser,
}) => {
  const w = words.vi;
  const { context, page } = await signIn(
    browser,
    chair,
    "vi",
    `/vi/workspace/tasks/new?source=${source}`,
    375,
    false,
  );
  await page.getByRole("button", { name: w.new.submit }).click();
  await expect(
    page.locator(".error-summary").getByRole("link", { name: w.errors.required }).first(),
  ).toHaveAttribute("href", "#task-0-title");
  await expect(page).toHaveTitle(new RegExp(`^${viCommon.errorTitlePrefix}: ${w.new.title}`));
  // What was typed stays when the post is refused.
  await page.getByRole("textbox", { name: w.new.taskTitle, exact: true }).fill("Không có JavaScript");
  await page.getByRole("radio", { name: w.deadline.date, exact: true }).check();
  await page.getByRole("textbox", { name: w.deadline.dateLabel, exact: true }).fill("2020-01-01");
  await page.getByRole("button", { name: w.new.submit }).click();
  await expect(page.getByRole("textbox", { name: w.new.taskTitle, exact: true })).toHaveValue(
    "Không có JavaScript",
  );
  await expect(page.locator(".error-summary")).toContainText(w.errors.agency);
  const code = await giveTask(page, "vi", "Không có JavaScript");

  // Two tasks in one post: "add another task" brings a second row and keeps the first as typed;
  // an officer outside the chosen agency is refused on that task's row.
  await page.getByRole("textbox", { name: w.new.taskTitle, exact: true }).fill("Nhiệm vụ thứ nhất");
  await page.getByLabel(w.new.agency, { exact: true }).selectOption({ label: justice.vi });
  await page.getByRole("button", { name: w.new.addRow }).click();
  const second = page.locator("#task-1");
  await expect(second.getByRole("textbox", { name: w.new.taskTitle, exact: true })).toBeVisible();
  await expect(page.locator("#task-0-title")).toHaveValue("Nhiệm vụ thứ nhất");
  await page.locator("#task-0-deadline-days-value").fill("5");
  await page.locator("#task-0-deadline-working_days").check();
  await second.getByRole("textbox", { name: w.new.taskTitle, exact: true }).fill("Nhiệm vụ thứ hai");
  await second.getByLabel(w.new.agency, { exact: true }).selectOption({ label: justice.vi });
  const outsider = await second
    .locator("#task-1-ownerUserId option", { hasText: "Lê Thị Thu Hà" })
    .first()
    .getAttribute("value");
  await second.getByLabel(w.new.officer, { exact: true }).selectOption(outsider!);
  await second.locator("#task-1-deadline-days-value").fill("10");
  await second.locator("#task-1-deadline-working_days").check();
  const giveBoth = w.new.submitMany.replace("{{n}}", "2");
  await page.getByRole("button", { name: giveBoth }).click();
  await expect(page.locator(".error-summary").getByRole("link", { name: w.errors.officer })).toHaveAttribute(
    "href",
    "#task-1-ownerUserId",
  );
  await expect(page.locator("#task-0-title")).toHaveValue("Nhiệm vụ thứ nhất");
  await page.locator("#task-1-ownerUserId").selectOption("");
  await page.getByRole("button", { name: giveBoth }).click();
  await expect(page).toHaveURL(/created=NV-/);
  expect(new URL(page.url()).searchParams.get("created")!.split(", ")).toHaveLength(2);
  await context.close();

  const owner = await signIn(browser, demo.specialist, "vi", `/vi/workspace/tasks/${code}`, 375, false);
  await owner.page.getByRole("textbox", { name: w.report.text, exact: true }).fill("Đã làm một nửa.");
  await owner.page.getByLabel(w.report.documents, { exact: true }).setInputFiles({
    name: "Tài liệu mật.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await owner.page.getByRole("button", { name: w.report.submit }).click();
  // A document whose name says it is classified is refused, the report kept.
  await expect(owner.page.locator(".error-summary")).toContainText(w.errors.classified);
  await expect(owner.page.getByRole("textbox", { name: w.report.text, exact: true })).toHaveValue(
    "Đã làm một nửa.",
  );
  await owner.page.getByLabel(w.report.documents, { exact: true }).setInputFiles({
    name: "tien-do.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await owner.page.getByRole("button", { name: w.report.submit }).click();
  await expect(owner.page).toHaveURL(/\?done=reported$/);
  await expect(owner.page.getByText(w.report.sent)).toBeVisible();
  await expect(owner.page.getByRole("link", { name: /tien-do\.pdf/ })).toBeVisible();
  await expect(owner.page.getByText(w.status.in_progress).first()).toBeVisible();
  await owner.context.close();
});
