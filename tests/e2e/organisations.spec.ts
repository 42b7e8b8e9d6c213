import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import viOrganisations from "../../locales/vi/organisations.json" with { type: "json" };
import enOrganisations from "../../locales/en/organisations.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import { recipientOf, waitForMail } from "./mail";
import { answerDraftQuickly, demoPassword, expectAccessible, pressContinue } from "./support";

/*
 * Businesses (issue 9): the owner of the demo company invites a member by e-mail, the member accepts
 * after signing in, both reach the company's draft; the owner removes the member, who then gets a
 * 404. Every organisation page and its error state passes axe in both languages at 320 px.
 */

test.describe.configure({ timeout: 240_000 });

const auth = { vi: viAuth, en: enAuth };
const org = { vi: viOrganisations, en: enOrganisations };
const common = { vi: viCommon, en: enCommon };
type Lang = "vi" | "en";
const company = "Công ty TNHH Thương mại Phố Hiến";
const owner = "business@demo.hungyen.gov.vn";

/** A browser of its own, with its own client address (sign-up and sign-in limits are per address). */
async function newPage(browser: Browser, lang: Lang, width = 1280) {
  const context = await browser.newContext({
    locale: lang === "vi" ? "vi-VN" : "en-GB",
    viewport: { width, height: 900 },
    extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 254)}` },
  });
  return { context, page: await context.newPage() };
}

async function signInOn(page: Page, lang: Lang, email: string, password: string) {
  await page.getByLabel(auth[lang].fields.email).fill(email);
  await page.getByLabel(auth[lang].fields.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: auth[lang].signIn.submit }).click();
}

async function signedIn(browser: Browser, lang: Lang, email: string, to: string, width = 1280) {
  const opened = await newPage(browser, lang, width);
  await opened.page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await signInOn(opened.page, lang, email, demoPassword);
  await expect(opened.page).toHaveURL(new RegExp(`${to.replace(/[?]/g, "\\?")}$`));
  return opened;
}

async function openCompany(page: Page, lang: Lang) {
  await page.goto(`/${lang}/organisations`);
  await page.getByRole("link", { name: company }).click();
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
  return page.url();
}

test("the owner invites a member by e-mail, who accepts after sign-in, continues the company's draft and loses it when removed", async ({
  browser,
}) => {
  const t = org.vi;
  // The member signs up first (any citizen may be invited).
  const email = `member.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.vn`;
  const password = "mật khẩu thành viên 2026";
  const member = await newPage(browser, "vi");
  await member.page.goto("/vi/sign-up");
  await member.page.getByLabel(viAuth.fields.fullName).fill("Lý Thị Thành Viên");
  await member.page.getByLabel(viAuth.fields.email).fill(email);
  await member.page.getByLabel(viAuth.fields.phone).fill("0912345670");
  await member.page.getByLabel(viAuth.fields.password, { exact: true }).fill(password);
  await member.page.getByLabel(viAuth.fields.confirmPassword).fill(password);
  await member.page.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expect(member.page).toHaveURL(/\/vi\/dossiers$/);
  await member.context.close();

  const ownerSide = await signedIn(browser, "vi", owner, "/vi/organisations");
  const companyUrl = await openCompany(ownerSide.page, "vi");
  await ownerSide.page.getByLabel(t.detail.inviteEmail).fill(email);
  await ownerSide.page.getByRole("radio", { name: t.roles.filer }).check();
  await ownerSide.page.getByRole("button", { name: t.detail.inviteSubmit }).click();
  await expect(ownerSide.page.getByText(t.detail.invited.replace("{{email}}", email))).toBeVisible();
  await expect(ownerSide.page.getByRole("cell", { name: email })).toBeVisible();

  const [mail] = await waitForMail((m) => recipientOf(m).includes(email));
  const link = mail!.text?.match(/https?:\/\/\S+\/organisations\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeTruthy();
  const path = new URL(link!).pathname;

  // Signed out, the link goes to sign-in and back.
  const memberSide = await newPage(browser, "vi");
  await memberSide.page.goto(path);
  await expect(memberSide.page).toHaveURL(/\/vi\/sign-in/);
  await signInOn(memberSide.page, "vi", email, password);
  await expect(memberSide.page).toHaveURL(new RegExp(`${path}$`));
  await expect(memberSide.page.getByText(company).first()).toBeVisible();
  await memberSide.page.getByRole("button", { name: t.invitation.accept }).click();
  await expect(memberSide.page.getByRole("heading", { level: 1, name: company })).toBeVisible();
  await expect(
    memberSide.page.getByText(t.invitation.accepted.replace("{{organisation}}", company)),
  ).toBeVisible();

  // The owner starts a draft in the company's name.
  await ownerSide.page.goto("/vi/dossiers/new?procedure=2.001583");
  await ownerSide.page.getByRole("radio", { name: company }).check();
  const places = ownerSide.page.locator('input[name="competentAgencyId"]');
  if ((await places.count()) > 0) await places.first().check();
  await ownerSide.page.getByRole("button", { name: viDossiers.new.start }).click();
  await expect(ownerSide.page).toHaveURL(/\/vi\/dossiers\/drafts\/[0-9a-f-]{36}/);
  const draftPath = new URL(ownerSide.page.url()).pathname;

  // The member sees it in their list, for the company, and continues it.
  await memberSide.page.goto("/vi/dossiers");
  await expect(
    memberSide.page.getByText(t.listFor.replace("{{organisation}}", company)).first(),
  ).toBeVisible();
  const response = await memberSide.page.goto(draftPath);
  expect(response?.status()).toBe(200);
  await expect(memberSide.page.getByText(viCommon.actions.continue).first()).toBeVisible();

  // A dossier the company filed earlier (seeded), by its code.
  await memberSide.page.goto("/vi/dossiers");
  const filed = memberSide.page.locator(
    'a[href^="/vi/dossiers/"]:not([href*="/drafts/"]):not([href="/vi/dossiers/new"])',
  );
  const codeHref = await filed.first().getAttribute("href");
  expect(codeHref).toBeTruthy();
  expect((await memberSide.page.goto(codeHref!))?.status()).toBe(200);

  // The owner removes the member: from the next request they get nothing.
  await ownerSide.page.goto(companyUrl);
  await ownerSide.page
    .getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) })
    .getByRole("button", { name: new RegExp(t.detail.remove) })
    .click();
  await expect(ownerSide.page.getByText(t.detail.removed)).toBeVisible();
  expect((await memberSide.page.goto(draftPath))?.status()).toBe(404);
  expect((await memberSide.page.goto(codeHref!))?.status()).toBe(404);
  expect((await memberSide.page.goto(new URL(companyUrl).pathname))?.status()).toBe(404);
  await memberSide.page.goto("/vi/dossiers");
  await expect(memberSide.page.getByText(t.listFor.replace("{{organisation}}", company))).toHaveCount(0);
  await memberSide.context.close();
  await ownerSide.context.close();
});

test("the owner starts the company's registration of a subsidiary with its particulars filled in; a second member finishes and files it", async ({
  browser,
}) => {
  const ownerSide = await signedIn(browser, "vi", owner, "/vi/dossiers");
  await ownerSide.page.goto("/vi/dossiers/new?procedure=2.001583");
  await ownerSide.page.getByRole("radio", { name: company }).check();
  const offices = ownerSide.page.locator('input[name="competentAgencyId"]');
  if ((await offices.count()) > 0) await offices.first().check();
  await ownerSide.page.getByRole("button", { name: viDossiers.new.start }).click();
  await expect(ownerSide.page).toHaveURL(/\/vi\/dossiers\/drafts\/[0-9a-f-]{36}/);
  const draftId = /\/drafts\/([0-9a-f-]{36})/.exec(ownerSide.page.url())![1]!;
  await ownerSide.page.goto(`/vi/dossiers/drafts/${draftId}/pages/owner-kind`);
  await ownerSide.page.getByLabel("Một tổ chức").check();
  await pressContinue(ownerSide.page);
  await expect(ownerSide.page).toHaveURL(/\/pages\/owner-organisation$/);
  const form = ownerSide.page.locator("main form:visible");
  await expect(form.locator('input[name="ownerOrganisationName"]')).toHaveValue(company);
  await expect(form.locator('input[name="ownerTaxCode"]')).toHaveValue("0901234564");
  await expect(form.locator('select[name="ownerOrganisationAddress.province"]')).toHaveValue("33");
  await pressContinue(ownerSide.page);

  // The second member (files for the company) finds it in their list and finishes it.
  const second = await signedIn(browser, "vi", "business2@demo.hungyen.gov.vn", "/vi/dossiers");
  await expect(second.page.locator(`a[href*="/drafts/${draftId}"]`).first()).toBeVisible();
  await answerDraftQuickly(
    second.page,
    draftId,
    { child: "", sex: "male", mother: "", idNumber: "033190001234" },
    { procedureCode: "2.001583", choose: { ownerKind: "organisation" }, skipPages: ["owner-organisation"] },
  );
  await second.page.goto(`/vi/dossiers/drafts/${draftId}/check`);
  await expect(second.page.locator("main").getByText(company).first()).toBeVisible();
  await second.page.getByRole("button", { name: viDossiers.check.submit, exact: true }).click();
  await expect(second.page).toHaveURL(/\/vi\/dossiers\/.+\/submitted$/);
  const code = decodeURIComponent(second.page.url().split("/dossiers/")[1]!.replace("/submitted", ""));

  // Filed in the company's name: the owner has it too.
  await ownerSide.page.goto("/vi/dossiers");
  await expect(ownerSide.page.getByText(code)).toBeVisible();
  await second.context.close();
  await ownerSide.context.close();
});

for (const lang of ["vi", "en"] as const) {
  test(`every organisation page and its error state is accessible at 320 px (${lang})`, async ({
    browser,
  }) => {
    const t = org[lang];
    const { context, page } = await signedIn(browser, lang, owner, `/${lang}/organisations`, 320);
    await expectAccessible(page, "my organisations");
    // Registering with nothing typed: the summary names every missing answer, the title says "Error".
    await page.getByRole("button", { name: t.create.submit }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: t.errors.nameRequired })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${common[lang].errorTitlePrefix}`));
    await expectAccessible(page, "register, errors");
    // A tax code whose check digit is wrong, and the one already registered.
    await page.getByLabel(t.fields.name, { exact: true }).fill("Công ty thử");
    await page.getByLabel(t.fields.taxCode).fill("0901234567");
    await page.getByLabel(t.fields.legalRepresentative, { exact: true }).fill("Nguyễn Văn Thử");
    await page.getByRole("button", { name: t.create.submit }).click();
    // The form is drawn afresh with the server's answer (the name's error gone): only then type again.
    await expect(summary.getByRole("link", { name: t.errors.nameRequired })).toHaveCount(0);
    await expect(summary.getByRole("link", { name: t.errors.taxCode })).toBeVisible();
    await expect(page.getByLabel(t.fields.name, { exact: true })).toHaveValue("Công ty thử");
    await page.getByLabel(t.fields.taxCode).fill("0901234564");
    await page.getByRole("button", { name: t.create.submit }).click();
    await expect(summary.getByRole("link", { name: t.errors.taxCodeTaken })).toBeVisible();

    const companyUrl = await openCompany(page, lang);
    await expectAccessible(page, "the organisation");
    await page.getByRole("button", { name: t.detail.inviteSubmit }).click();
    await expect(summary.getByRole("link", { name: t.errors.emailRequired })).toBeVisible();
    await expectAccessible(page, "invite, errors");
    // The last owner cannot step down.
    const ownRow = page.getByRole("row", { name: new RegExp(owner.replace(/[.]/g, "\\.")) });
    await ownRow.getByRole("combobox").selectOption("viewer");
    await ownRow.getByRole("button", { name: new RegExp(t.detail.saveRole) }).click();
    await expect(summary.getByRole("link", { name: t.errors.last_owner })).toBeVisible();
    await expectAccessible(page, "role, errors");

    await page.goto(`${new URL(companyUrl).pathname}/edit`);
    await expectAccessible(page, "edit");
    await page.getByLabel(t.fields.legalRepresentative, { exact: true }).fill("");
    await page.getByRole("button", { name: t.detail.save }).click();
    await expect(summary.getByRole("link", { name: t.errors.representativeRequired })).toBeVisible();
    await expectAccessible(page, "edit, errors");

    await page.goto(`/${lang}/organisations/invitations/${"x".repeat(43)}`);
    await expect(page.getByText(t.invitation.notFound)).toBeVisible();
    await expectAccessible(page, "invitation not found");

    // The start page of a procedure for businesses asks who it is for.
    await page.goto(`/${lang}/dossiers/new?procedure=2.001583`);
    await expect(page.getByRole("group", { name: t.forWhom.title })).toBeVisible();
    await expectAccessible(page, "start, who for");
    await page.getByRole("button", { name: lang === "vi" ? viDossiers.new.start : /Start/ }).click();
    await expect(summary.getByRole("link", { name: t.errors.forWhomRequired })).toBeVisible();
    await expectAccessible(page, "start, who for, errors");
    await context.close();
  });
}
