import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import viNotify from "../../locales/vi/notify.json" with { type: "json" };
import enNotify from "../../locales/en/notify.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, fileBirthRegistration } from "./support";

/*
 * The in-app inbox: an officer acts on a dossier and its applicant finds it in their inbox, with
 * the count in the header; opening a notice leads to the dossier and the count falls; "mark all as
 * read" works without JavaScript; staff find their agency's notices. axe in both languages.
 */

const password = "mot-cau-mat-khau-dai";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The header's inbox link, by its accessible name: "Thông báo, 2 chưa đọc" or just "Thông báo". */
function inboxLink(page: Page, unread: number, lang: "vi" | "en" = "vi") {
  const common = lang === "vi" ? viCommon : enCommon;
  const name =
    unread > 0
      ? `${common.nav.inbox}, ${common.nav[unread === 1 ? "inboxUnread_one" : "inboxUnread_other"].replace("{{count}}", String(unread))}`
      : common.nav.inbox;
  return page.locator("header").getByRole("link", { name, exact: true });
}

async function signIn(browser: Browser, email: string, secret: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(secret);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

/** A new citizen files a birth registration at the Phố Hiến ward; returns the dossier code. */
async function signUpAndFile(page: Page, email: string): Promise<string> {
  await page.goto("/vi/sign-up");
  await page.getByLabel(viAuth.fields.fullName).fill("Đặng Thị Hộp Thư");
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.phone).fill("0912345679");
  await page.getByLabel(viAuth.fields.password, { exact: true }).fill(password);
  await page.getByLabel(viAuth.fields.confirmPassword).fill(password);
  await page.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers/);

  return fileBirthRegistration(page, {
    child: "Đặng Minh Thư",
    sex: "female",
    mother: "Đặng Thị Hộp Thư",
    idNumber: "033190005678",
  });
}

/** The inbox's notices. */
function noticeItems(page: Page) {
  return page.getByRole("list", { name: viNotify.inbox.listLabel }).getByRole("listitem");
}

/** The inbox item about this dossier with this title, as a link. */
function noticeLink(page: Page, code: string) {
  return page.locator("main").getByRole("link", { name: new RegExp(escape(code)) });
}

test("an applicant is told in the inbox when officers act, and the count falls as they read", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const email = `inbox-${Date.now()}@example.com`;
  const applicant = await browser.newContext({ locale: "vi-VN" });
  const page = await applicant.newPage();
  const code = await signUpAndFile(page, email);
  const dossierPath = `/vi/dossiers/${encodeURIComponent(code)}`;

  // Nothing yet: filing tells the ward's desk, not the person who filed.
  await page.goto("/vi/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(viNotify.inbox.title);
  await expect(page.getByText(viNotify.inbox.empty)).toBeVisible();
  await expect(inboxLink(page, 0)).toBeVisible();
  await expectAccessible(page, "empty inbox, vi");

  // The ward's receiving officer finds the new dossier in their inbox and opens it from there.
  const receiver = await signIn(browser, demo.receiver, demoPassword);
  await receiver.page.goto("/vi/inbox");
  await expect(
    receiver.page.locator("header").getByRole("link", { name: /^Thông báo, \d+ chưa đọc$/ }),
  ).toBeVisible();
  await expectAccessible(receiver.page, "staff inbox, vi");
  await noticeLink(receiver.page, code).first().click();
  await expect(receiver.page).toHaveURL(
    new RegExp(`/vi/staff/dossiers/${escape(encodeURIComponent(code))}$`),
  );
  await receiver.page.getByRole("button", { name: viStaff.actions.accept.submit }).click();
  await expect(receiver.page).toHaveURL(/done=accept/);

  // The ward's head is told it was accepted (the head assigns); the receiver who accepted is not.
  const head = await signIn(browser, demo.head, demoPassword);
  await head.page.goto("/vi/inbox");
  await noticeLink(head.page, code).first().click();
  await expect(head.page).toHaveURL(new RegExp(`/vi/staff/dossiers/${escape(encodeURIComponent(code))}$`));
  await head.page
    .getByLabel(viStaff.actions.stop.comment, { exact: true })
    .fill("Người nộp đề nghị dừng để nộp lại.");
  await head.page.getByRole("button", { name: viStaff.actions.stop.submit }).click();
  await expect(head.page).toHaveURL(/done=stop/);

  // The applicant: two unread notices, counted in the header, marked in words in the list.
  await page.goto("/vi/dossiers");
  await expect(inboxLink(page, 2)).toBeVisible();
  await expect(inboxLink(page, 2)).toContainText("(2)");
  await inboxLink(page, 2).click();
  await expect(page).toHaveURL(/\/vi\/inbox$/);
  const items = noticeItems(page);
  await expect(items).toHaveCount(2);
  await expect(items.getByText(viNotify.inbox.unread, { exact: true })).toHaveCount(2);
  await expect(page.getByText(viNotify.inbox.unreadSummary_other.replace("{{count}}", "2"))).toBeVisible();
  await expectAccessible(page, "inbox with unread notices, vi");
  await page.goto("/en/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(enNotify.inbox.title);
  await expect(inboxLink(page, 2, "en")).toBeVisible();
  await expectAccessible(page, "inbox with unread notices, en");

  // Opening the newest leads to the dossier; it is read, and the count falls.
  await page.goto("/vi/inbox");
  await noticeLink(page, code).first().click();
  await expect(page).toHaveURL(new RegExp(`${escape(dossierPath)}$`));
  await expect(inboxLink(page, 1)).toBeVisible();
  await page.goto("/vi/inbox");
  await expect(items.getByText(viNotify.inbox.unread, { exact: true })).toHaveCount(1);

  // Without JavaScript: the count shows, "mark all as read" posts and comes back with none unread.
  const noScript = await signIn(browser, email, password, false);
  await noScript.page.goto("/vi/inbox");
  await expect(inboxLink(noScript.page, 1)).toBeVisible();
  await noScript.page.getByRole("button", { name: viNotify.inbox.markAll }).click();
  await expect(noScript.page).toHaveURL(/\/vi\/inbox\?marked=1$/);
  await expect(noScript.page.getByText(viNotify.inbox.markedAll_one.replace("{{count}}", "1"))).toBeVisible();
  await expect(inboxLink(noScript.page, 0)).toBeVisible();
  await expect(noticeItems(noScript.page).getByText(viNotify.inbox.unread, { exact: true })).toHaveCount(0);
  await expect(noScript.page.getByRole("button", { name: viNotify.inbox.markAll })).toHaveCount(0);
  // A read notice still leads to its dossier.
  await noticeLink(noScript.page, code).last().click();
  await expect(noScript.page).toHaveURL(new RegExp(`${escape(dossierPath)}$`));

  for (const context of [applicant, receiver.context, head.context, noScript.context]) await context.close();
});

test("mark all as read with JavaScript, and nobody opens another person's notice", async ({ browser }) => {
  const receiver = await signIn(browser, demo.receiver, demoPassword);
  const page = receiver.page;
  await page.goto("/vi/inbox");
  const first = noticeItems(page).locator('a[href^="/vi/inbox/"]').first();
  await expect(first).toBeVisible();
  const href = (await first.getAttribute("href"))!;
  if ((await page.getByRole("button", { name: viNotify.inbox.markAll }).count()) > 0) {
    await page.getByRole("button", { name: viNotify.inbox.markAll }).click();
    await expect(page).toHaveURL(/\/vi\/inbox\?marked=\d+$/);
  }
  await expect(inboxLink(page, 0)).toBeVisible();
  await expect(noticeItems(page).getByText(viNotify.inbox.unread, { exact: true })).toHaveCount(0);

  // The receiver's notice is not the citizen's: the same 404 as for a notice that does not exist.
  const citizen = await signIn(browser, demo.citizen, demoPassword);
  expect((await citizen.page.goto(href))!.status()).toBe(404);
  expect((await citizen.page.goto("/vi/inbox/999999999"))!.status()).toBe(404);
  // Signed out, the inbox asks to sign in and comes back.
  const anonymous = await browser.newContext({ locale: "vi-VN" });
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto("/vi/inbox");
  await expect(anonymousPage).toHaveURL(/\/vi\/sign-in\?callbackUrl=%2Fvi%2Finbox/);
  for (const context of [receiver.context, citizen.context, anonymous]) await context.close();
});
