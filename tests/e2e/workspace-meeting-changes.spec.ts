import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viWorkspace from "../../locales/vi/workspace.json" with { type: "json" };
import viNotify from "../../locales/vi/notify.json" with { type: "json" };
import viForms from "../../locales/vi/forms.json" with { type: "json" };
import { demoPassword, expectAccessible } from "./support";

/*
 * Changes of plan, in one journey over the demo committee (db/seed/workspace.ts): the secretary's
 * post made on a page older than the meeting is refused and nothing is applied (the page comes back
 * as it is now, what was typed kept); the secretary cancels the published meeting with JavaScript
 * off; a member finds the cancellation in the inbox, labelled as a meeting, and the meeting shown
 * cancelled. axe on the refused post, the cancelled meeting and the inbox, in Vietnamese and English.
 */

const m = viWorkspace.meetings;
test.describe.configure({ timeout: 300_000 });

async function signedIn(browser: Browser, email: string, next: string, javaScript = true): Promise<Page> {
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 320, height: 900 },
    javaScriptEnabled: javaScript,
  });
  const page = await context.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[.?]/g, "\\$&")));
  return page;
}

async function accessibleInBoth(page: Page, label: string) {
  await expectAccessible(page, `${label} (vi)`);
  const url = new URL(page.url());
  const twin = await page.context().newPage();
  await twin.setViewportSize({ width: 320, height: 900 });
  await twin.goto(url.pathname.replace(/^\/vi\//, "/en/") + url.search);
  await expectAccessible(twin, `${label} (en)`);
  await twin.close();
}

async function post(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).first().click();
  await page.waitForLoadState("domcontentloaded");
}

test("a stale post is refused; the secretary cancels a meeting without JavaScript and a member is told in the inbox", async ({
  browser,
}) => {
  const secretary = await signedIn(browser, "secretary@demo.hungyen.gov.vn", "/vi/workspace/meetings");
  const starts = new Date(Date.now() + 12 * 24 * 3600 * 1000 + 7 * 3600 * 1000).toISOString().slice(0, 16);
  const committee = await secretary
    .getByLabel(m.create.body)
    .locator("option", { hasText: "Ủy ban nhân dân tỉnh Hưng Yên" })
    .getAttribute("value");
  await secretary.getByLabel(m.create.body).selectOption(committee!);
  await secretary.getByLabel(m.create.meetingTitle).fill("Phiên họp sẽ hủy (e2e)");
  await secretary.getByLabel(m.create.startsAt).fill(starts);
  await secretary.getByLabel(m.create.place).fill("Phòng họp tầng 2");
  await post(secretary, m.create.submit);
  await expect(secretary.getByRole("heading", { level: 1, name: "Phiên họp sẽ hủy (e2e)" })).toBeVisible();
  const meetingUrl = new URL(secretary.url()).pathname;
  const code = (await secretary.title()).split(" – ")[0]!;
  expect(code).toMatch(/^HOP-\d{4}-\d{4}$/);
  await secretary.getByLabel(m.prepare.itemTitle).fill("Nội dung một");
  await post(secretary, m.prepare.addItem);
  await expect(secretary.getByRole("heading", { level: 3, name: /1\. Nội dung một/ })).toBeVisible();

  // Another tab changes the meeting; the first one, older now, posts: refused, nothing applied.
  const other = await secretary.context().newPage();
  await other.goto(meetingUrl);
  await other.getByLabel(m.prepare.itemTitle).fill("Nội dung hai");
  await post(other, m.prepare.addItem);
  await expect(other.getByRole("heading", { level: 3, name: /2\. Nội dung hai/ })).toBeVisible();
  await other.close();
  await secretary.getByLabel(m.prepare.itemTitle).fill("Nội dung ba");
  await post(secretary, m.prepare.addItem);
  await expect(secretary.getByText(m.errors.stale).first()).toBeVisible();
  await expect(secretary.getByRole("heading", { level: 3, name: /2\. Nội dung hai/ })).toBeVisible();
  await expect(secretary.getByRole("heading", { level: 3, name: /Nội dung ba/ })).toHaveCount(0);
  await expect(secretary.getByLabel(m.prepare.itemTitle)).toHaveValue("Nội dung ba");
  await accessibleInBoth(secretary, "a stale post refused");
  // The page is current now: the same post goes through.
  await post(secretary, m.prepare.addItem);
  await expect(secretary.getByRole("heading", { level: 3, name: /3\. Nội dung ba/ })).toBeVisible();
  await post(secretary, m.prepare.publishButton);
  await expect(secretary.getByText(m.done.published)).toBeVisible();

  // Without JavaScript: plain forms, a reason needed, then the meeting cancelled.
  const noScript = await signedIn(browser, "secretary@demo.hungyen.gov.vn", meetingUrl, false);
  await post(noScript, m.cancel.submit);
  // The error summary links to the field.
  await noScript.getByRole("link", { name: viForms.errors.required }).first().click();
  await expect(noScript).toHaveURL(/#cancel-reason$/);
  await noScript.getByLabel(m.cancel.reason).fill("Chủ tịch đi công tác đột xuất");
  await post(noScript, m.cancel.submit);
  await expect(noScript.getByText(m.done.cancelled)).toBeVisible();
  await expect(noScript.getByText(/Chủ tịch đi công tác đột xuất/)).toBeVisible();
  await expect(noScript.getByText(m.status.cancelled).first()).toBeVisible();
  // Read-only: nothing to prepare or answer any more.
  await expect(noScript.getByRole("button", { name: m.prepare.addItem, exact: true })).toHaveCount(0);
  await expect(noScript.getByRole("button", { name: m.cancel.submit, exact: true })).toHaveCount(0);

  // A member finds it in the inbox as a meeting, not a dossier, and opens it.
  const member = await signedIn(browser, "member@demo.hungyen.gov.vn", "/vi/inbox");
  const row = member.locator("li.inbox-item", { hasText: `${code}: đã hủy` });
  await expect(row).toBeVisible();
  await expect(
    row.getByText(viNotify.inbox.meeting.replace("{{code}}", code), { exact: true }),
  ).toBeVisible();
  await expect(row.getByText(viNotify.inbox.dossier.replace("{{code}}", code), { exact: true })).toHaveCount(
    0,
  );
  await accessibleInBoth(member, "inbox with a meeting notice");
  await row.getByRole("link").click();
  await expect(member).toHaveURL(new RegExp(`${meetingUrl}$`));
  await expect(member.getByText(/Chủ tịch đi công tác đột xuất/)).toBeVisible();
  await expect(member.getByRole("button", { name: m.invitation.submit })).toHaveCount(0);
  await accessibleInBoth(member, "cancelled meeting (member)");
});
