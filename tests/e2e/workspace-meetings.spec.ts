import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viWorkspace from "../../locales/vi/workspace.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import { demoPassword, expectAccessible } from "./support";

/*
 * A meeting with a dossier on its agenda: the secretary prepares and publishes it, the officer puts
 * an in-progress dossier on an item, two members vote remotely (and the chair in the room), the
 * chair concludes, the minutes are drafted, approved and published, and the dossier is back at its
 * desk with the conclusion. Every page is checked with axe in Vietnamese and English at 320 px.
 * The body is the demo committee of the seed (db/seed/workspace.ts), with its demo accounts.
 */

const m = viWorkspace.meetings;
test.describe.configure({ timeout: 420_000 });

async function signedIn(
  browser: Browser,
  email: string,
  next: string,
  options: { javaScript?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: "vi-VN",
    viewport: { width: 320, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[.?]/g, "\\$&")));
  return page;
}

/** axe on the page as it is, then on its English twin (same address under /en). */
async function accessibleInBoth(page: Page, label: string) {
  await expectAccessible(page, `${label} (vi)`);
  const url = new URL(page.url());
  const english = url.pathname.replace(/^\/vi\//, "/en/") + url.search;
  const twin = await page.context().newPage();
  await twin.setViewportSize({ width: 320, height: 900 });
  await twin.goto(english);
  await expectAccessible(twin, `${label} (en)`);
  await twin.close();
}

async function post(page: Page, name: string | RegExp, scope?: ReturnType<Page["locator"]>) {
  await (scope ?? page).getByRole("button", { name, exact: true }).first().click();
  await page.waitForLoadState("domcontentloaded");
}

test("a meeting decides a dossier: two members vote remotely, minutes published, the dossier back at the desk", async ({
  browser,
}) => {
  const cast = {
    secretary: "secretary@demo.hungyen.gov.vn",
    chair: "chair@demo.hungyen.gov.vn",
    members: [
      "chair@demo.hungyen.gov.vn",
      "vicechair@demo.hungyen.gov.vn",
      "member@demo.hungyen.gov.vn",
    ] as const,
    officer: "specialist@demo.hungyen.gov.vn",
    dossierCode: "",
  };

  // The secretary creates the meeting, ten days ahead, with an item, and sends the documents.
  const secretary = await signedIn(browser, cast.secretary, "/vi/workspace/meetings");
  await accessibleInBoth(secretary, "meetings list");
  const starts = new Date(Date.now() + 10 * 24 * 3600 * 1000 + 7 * 3600 * 1000).toISOString().slice(0, 16);
  // The demo committee (db/seed/workspace.ts).
  const committee = await secretary
    .getByLabel(m.create.body)
    .locator("option", { hasText: "Ủy ban nhân dân tỉnh Hưng Yên" })
    .getAttribute("value");
  await secretary.getByLabel(m.create.body).selectOption(committee!);
  await secretary.getByLabel(m.create.meetingTitle).fill("Phiên họp thường kỳ (e2e)");
  await secretary.getByLabel(m.create.startsAt).fill(starts);
  await secretary.getByLabel(m.create.place).fill("Phòng họp tầng 3");
  await secretary.getByLabel(m.create.onlineUrl).fill("https://hop.example.vn/phien");
  await post(secretary, m.create.submit);
  await expect(secretary.getByRole("heading", { level: 1, name: "Phiên họp thường kỳ (e2e)" })).toBeVisible();
  const meetingUrl = new URL(secretary.url()).pathname;
  await secretary.getByLabel(m.prepare.itemTitle).fill("Cho ý kiến về hồ sơ");
  await post(secretary, m.prepare.addItem);
  await expect(secretary.getByRole("heading", { level: 3, name: /1\. Cho ý kiến về hồ sơ/ })).toBeVisible();
  await accessibleInBoth(secretary, "meeting being prepared");

  // The officer puts a dossier in progress on the item from the dossier's page: one of the building
  // permit, which the seed marks as needing the committee's decision (db/seed/procedures.ts).
  const officer = await signedIn(browser, cast.officer, "/vi/staff");
  await officer.goto("/vi/staff?bucket=all&status=in_progress");
  const permit = await officer
    .locator("#queue-procedure option", { hasText: "Cấp giấy phép xây dựng mới" })
    .getAttribute("value");
  await officer.goto(`/vi/staff?bucket=all&status=in_progress&procedure=${permit}`);
  const first = officer.locator('main a[href*="/vi/staff/dossiers/"]').first();
  cast.dossierCode = decodeURIComponent((await first.getAttribute("href"))!.split("/staff/dossiers/")[1]!);
  await officer.goto(`/vi/staff/dossiers/${encodeURIComponent(cast.dossierCode)}`);
  await officer.getByLabel(m.dossier.item).selectOption({ index: 0 });
  await post(officer, m.dossier.submit);
  await expect(officer.getByText(m.done.sent)).toBeVisible();
  // The officer is the body's support staff: the committee's block links the meeting.
  const work = officer.locator("section", { has: officer.locator("#committee-work-title") });
  await expect(work.locator(`a[href="${meetingUrl}"]`)).toBeVisible();
  await accessibleInBoth(officer, "dossier page with the agenda form");

  await secretary.goto(meetingUrl);
  await expect(secretary.getByText(cast.dossierCode)).toBeVisible();
  await post(secretary, m.prepare.publishButton);
  await expect(secretary.getByText(m.done.published)).toBeVisible();
  await post(secretary, m.session.open);
  await expect(secretary.getByText(m.status.in_session).first()).toBeVisible();

  // Two members check in remotely and vote (one with JavaScript off: plain forms, pages that come
  // back after each post); the chair in the room. Each vote: the password again.
  const chair = await signedIn(browser, cast.chair, meetingUrl);
  const member1 = await signedIn(browser, cast.members[1], meetingUrl);
  const member2 = await signedIn(browser, cast.members[2], meetingUrl, { javaScript: false });
  await post(chair, m.session.inRoom);
  await post(member1, m.session.remote);
  await post(member2, m.session.remote);
  await expect(member1.getByText(/trực tuyến/).first()).toBeVisible();

  await secretary.goto(meetingUrl);
  await post(secretary, m.session.openVote);
  await accessibleInBoth(secretary, "session, vote open (secretary)");
  for (const voter of [member1, member2, chair]) {
    await voter.goto(meetingUrl);
    await voter.getByRole("radio", { name: m.vote.yes, exact: true }).check();
    await voter.getByLabel(m.vote.password).fill(demoPassword);
    await post(voter, m.vote.submit);
    await expect(voter.getByText(m.done.voted)).toBeVisible();
  }
  // axe runs in the page: only with JavaScript on.
  await accessibleInBoth(member1, "session after voting (member)");

  await secretary.goto(meetingUrl);
  await post(secretary, m.session.closeVote);
  await expect(secretary.getByText(/thông qua/).first()).toBeVisible();
  await chair.goto(meetingUrl);
  await chair.getByLabel(m.conclude.label).fill("Thống nhất giải quyết hồ sơ theo đề xuất của Sở.");
  await post(chair, m.conclude.submit);
  await expect(chair.getByText(m.agenda.returned)).toBeVisible();

  await secretary.goto(meetingUrl);
  await post(secretary, m.session.close);
  await post(secretary, m.minutes.draft);
  await expect(secretary.getByLabel(m.minutes.text)).toHaveValue(/Thống nhất giải quyết/);
  await accessibleInBoth(secretary, "closed meeting with a draft");

  await chair.goto(meetingUrl);
  await post(chair, m.minutes.approve);
  await post(chair, m.minutes.publish);
  await expect(chair.getByText(m.minutes.frozen)).toBeVisible();
  await accessibleInBoth(chair, "published minutes");
  const pdf = await chair.request.get(
    `/api/v1/workspace/meetings/${meetingUrl.split("/").pop()}/notice?lang=vi`,
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // The dossier is back at its desk with the conclusion in its history.
  await officer.reload();
  await expect(officer.getByText(viDossiers.action.committee_conclusion)).toBeVisible();
  await expect(officer.getByText("Thống nhất giải quyết hồ sơ theo đề xuất của Sở.")).toBeVisible();
});
