import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { performStaffAction, supplementDossier, withdrawDossier } from "@/lib/dossiers/service";
import { languages, type Lang } from "@/lib/i18n/settings";
import {
  noticeKinds,
  noticeSubject,
  renderDigest,
  renderNotice,
  type NoticeRecipient,
  type RenderedNotice,
} from "@/lib/notify/templates";
import { expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

/*
 * Every kind of notice the portal writes says what happened, in Vietnamese and in English, to the
 * applicant and to staff, with the dossier's code, no untranslated key and a link to the reader's
 * own page of the dossier. The payloads are those the code writes: as transitions.ts builds them
 * (synthetic, for every kind) and as a real dossier's journey left them in the outbox.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const baseUrl = "https://dichvucong.example.gov.vn/";
const code = "000.00.01.H33-260306-0001";
const procedure = { code: "1.001193", nameVi: "Đăng ký khai sinh", nameEn: "Birth registration" };

/** Every `kind: "x.y"` written anywhere in lib/ (the rules' notices, and any module's own). */
function kindsInSource(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !full.endsWith(path.join("notify", "templates.ts"))) {
        const source = fs.readFileSync(full, "utf8");
        for (const match of source.matchAll(/\bkind:\s*"([a-z_]+\.[a-z_.]+)"/g)) found.add(match[1]!);
      }
    }
  };
  walk(path.join(root, "lib"));
  return [...found].sort();
}

/** What an applicant's payload may carry for each kind (lib/dossiers/visibility.ts), filled in. */
const applicantDetails: Record<string, { comment?: string; details?: Record<string, unknown> }> = {
  "dossier.accepted": { comment: "Hồ sơ đầy đủ.", details: { dueAt: "2026-03-12T03:00:00.000Z" } },
  "dossier.supplement_requested": { comment: "Thiếu bản sao giấy chứng sinh có chứng thực." },
  "dossier.supplemented": {
    comment: "Đã bổ sung bản sao.",
    details: { dueAt: "2026-03-16T03:00:00.000Z", previousDueAt: "2026-03-12T03:00:00.000Z" },
  },
  "dossier.refused": { comment: "Thủ tục không thuộc thẩm quyền của cơ quan." },
  "dossier.decided": { comment: "Đủ điều kiện.", details: { outcome: "approved" } },
  "dossier.delayed": {
    details: {
      reason: "Cần xác minh thêm với Công an tỉnh.",
      originalDueAt: "2026-03-12T03:00:00.000Z",
      newDueAt: "2026-03-20T10:00:00.000Z",
    },
  },
  "dossier.payment_requested": {
    comment: "Vui lòng nộp lệ phí.",
    details: { amountVnd: 150000, legalBasis: "Thông tư 85/2019/TT-BTC" },
  },
  "dossier.paid": {
    details: {
      amountVnd: 150000,
      method: "online",
      transactionId: "SANDBOX-123",
      dueAt: "2026-03-18T03:00:00.000Z",
      previousDueAt: "2026-03-16T03:00:00.000Z",
    },
  },
  "dossier.returned": { details: { method: "post", trackingNumber: "EL123456789VN" } },
  "dossier.decision_published": { details: { number: "123/QĐ-UBND", issuedOn: "2026-03-11" } },
  "dossier.stopped": { comment: "Người nộp đề nghị dừng." },
};

const actionOf = (kind: string) =>
  ({
    "dossier.submitted": "submit",
    "dossier.accepted": "accept",
    "dossier.supplement_requested": "request_supplement",
    "dossier.supplemented": "supplement",
    "dossier.refused": "refuse",
    "dossier.decided": "approve",
    "dossier.payment_requested": "request_payment",
    "dossier.paid": "record_payment",
    "dossier.returned": "return_result",
    "dossier.decision_published": "publish_decision",
    "dossier.withdrawn": "withdraw",
    "dossier.stopped": "stop",
    "dossier.delayed": "approve_delay",
  })[kind] ?? "assign";

/** The payload transitions.ts writes: the staff one without comment or details. */
function payloadFor(kind: string, forStaff: boolean): Record<string, unknown> {
  const base = {
    dossierId: "6f1f5b0e-3c55-4d6c-9f4c-1d2e3f4a5b6c",
    code,
    status: "in_progress",
    action: actionOf(kind),
    procedure,
  };
  return forStaff
    ? { ...base, agencyId: "9a1f5b0e-3c55-4d6c-9f4c-1d2e3f4a5b6c" }
    : { ...base, ...applicantDetails[kind] };
}

const reader = (locale: Lang, isStaff: boolean): NoticeRecipient => ({
  fullName: isStaff ? "Trần Văn Chuyên Viên" : "Nguyễn Văn An",
  locale,
  isStaff,
});

/** What no message may ever show: a bare key, a missing value, a placeholder left over. */
function expectClean(message: RenderedNotice, context: string) {
  for (const part of [message.subject, message.text, message.html]) {
    expect(part, context).not.toMatch(/\bnotify[:.]|\bkinds\.|\bgeneric\.|\blabels\.|\bdigest\./);
    expect(part, context).not.toMatch(/undefined|NaN|\[object|\{\{|\}\}|Invalid Date|null/);
  }
}

function expectGoodNotice(
  kind: string,
  message: RenderedNotice,
  recipient: NoticeRecipient,
  expectedCode = code,
) {
  const context = `${kind} ${recipient.locale} ${recipient.isStaff ? "staff" : "applicant"}`;
  expect(message.subject, context).toContain(expectedCode);
  expect(message.text, context).toContain(expectedCode);
  expect(message.html, context).toContain(expectedCode);
  const area = recipient.isStaff ? "staff/dossiers" : "dossiers";
  expect(message.link, context).toBe(
    `https://dichvucong.example.gov.vn/${recipient.locale}/${area}/${encodeURIComponent(expectedCode)}`,
  );
  expect(message.text, context).toContain(message.link);
  expect(message.html, context).toContain(`href="${message.link}"`);
  expect(message.html, context).toContain(`<html lang="${recipient.locale}">`);
  expect(message.text, context).toContain(recipient.fullName);
  expectClean(message, context);
}

describe("the list of kinds", () => {
  it("holds every kind of notice the code writes", () => {
    const written = kindsInSource();
    // The scan finds the rules' notices (a guard against a scan that silently finds nothing).
    expect(written).toEqual(
      expect.arrayContaining(["dossier.accepted", "dossier.payment_requested", "dossier.paid"]),
    );
    expect(written.filter((kind) => !(noticeKinds as readonly string[]).includes(kind))).toEqual([]);
  });

  it("names the issue's nine at least", () => {
    expect(noticeKinds).toEqual(
      expect.arrayContaining([
        "dossier.accepted",
        "dossier.supplement_requested",
        "dossier.payment_requested",
        "dossier.paid",
        "dossier.decided",
        "dossier.delayed",
        "dossier.refused",
        "dossier.stopped",
        "dossier.withdrawn",
      ]),
    );
  });
});

describe.each(noticeKinds)("%s", (kind) => {
  it.each(languages.flatMap((lang) => [[lang, false] as const, [lang, true] as const]))(
    "renders in %s (staff: %s)",
    (lang, isStaff) => {
      const recipient = reader(lang, isStaff);
      const message = renderNotice(kind, payloadFor(kind, isStaff), recipient, baseUrl);
      expectGoodNotice(kind, message, recipient);
      expect(noticeSubject(kind, payloadFor(kind, isStaff), lang)).toBe(message.subject);
    },
  );

  it("has its own words, not the generic message, in both languages and for both readers", () => {
    for (const lang of languages) {
      for (const isStaff of [false, true]) {
        const own = renderNotice(kind, payloadFor(kind, isStaff), reader(lang, isStaff), baseUrl);
        const generic = renderNotice(
          "unknown.kind",
          payloadFor(kind, isStaff),
          reader(lang, isStaff),
          baseUrl,
        );
        expect(own.subject).not.toBe(generic.subject);
      }
    }
  });

  it("says something different in Vietnamese and English", () => {
    const vi = renderNotice(kind, payloadFor(kind, false), reader("vi", false), baseUrl);
    const en = renderNotice(kind, payloadFor(kind, false), reader("en", false), baseUrl);
    expect(vi.subject).not.toBe(en.subject);
    expect(vi.text).not.toBe(en.text);
  });
});

describe("what each message tells the applicant", () => {
  const render = (kind: string, lang: Lang, extra: Record<string, unknown> = {}) =>
    renderNotice(kind, { ...payloadFor(kind, false), ...extra }, reader(lang, false), baseUrl);

  it("greets by name and names the procedure in the reader's language", () => {
    expect(render("dossier.accepted", "vi").text).toMatch(/^Kính gửi Nguyễn Văn An,/);
    expect(render("dossier.accepted", "vi").text).toContain("Đăng ký khai sinh");
    expect(render("dossier.accepted", "en").text).toMatch(/^Dear Nguyễn Văn An,/);
    expect(render("dossier.accepted", "en").text).toContain("Birth registration");
  });

  it("gives the appointment date in Vietnam's time", () => {
    // 03:00 UTC is 10:00 in Hà Nội.
    expect(render("dossier.accepted", "vi").text).toContain("Ngày hẹn trả kết quả: 10:00 12/03/2026");
    expect(render("dossier.accepted", "en").text).toContain("Result due: 12/03/2026, 10:00");
  });

  it("asks for payment with the amount in đồng and its legal basis", () => {
    const vi = render("dossier.payment_requested", "vi");
    expect(vi.text).toMatch(/Số tiền: 150\.000\s₫/);
    expect(vi.text).toContain("Căn cứ thu phí, lệ phí: Thông tư 85/2019/TT-BTC");
    expect(vi.text).toContain("VietQR");
    const en = render("dossier.payment_requested", "en");
    expect(en.text).toMatch(/Amount: ₫\s?150,000/);
  });

  it("confirms a payment with the transaction and the moved date", () => {
    const en = render("dossier.paid", "en");
    expect(en.text).toContain("Transaction ID: SANDBOX-123");
    expect(en.text).toContain("Paid by: Online payment");
    expect(en.text).toContain("Result due: 18/03/2026, 10:00");
  });

  it("apologises for a delay with the reason and the new date", () => {
    const vi = render("dossier.delayed", "vi");
    expect(vi.text).toContain("xin lỗi");
    expect(vi.text).toContain("Ngày hẹn trả kết quả mới: 17:00 20/03/2026");
    expect(vi.text).toContain("Lý do: Cần xác minh thêm với Công an tỉnh.");
    expect(render("dossier.delayed", "en").text).toContain("apologise");
  });

  it("words a decision by its outcome", () => {
    const approved = render("dossier.decided", "en");
    expect(approved.subject).toBe(`Dossier ${code}: your result is ready`);
    const denied = render("dossier.decided", "en", { details: { outcome: "denied" } });
    expect(denied.subject).toBe(`Dossier ${code}: request not granted`);
    expect(denied.text).toContain("complain");
  });

  it("tells how a result was handed over", () => {
    expect(render("dossier.returned", "vi").text).toContain("Mã vận đơn bưu chính: EL123456789VN");
    const online = render("dossier.returned", "en", { details: { method: "online" } });
    expect(online.text).toContain("download the electronic result");
  });

  it("shows the officer's message to the applicant, and the applicant's own words as theirs", () => {
    expect(render("dossier.supplement_requested", "vi").text).toContain(
      "Lời nhắn của cán bộ:\nThiếu bản sao giấy chứng sinh có chứng thực.",
    );
    expect(render("dossier.supplemented", "en").text).toContain("Your note:\nĐã bổ sung bản sao.");
  });

  it("links to the account page to change the language or channels", () => {
    expect(render("dossier.accepted", "vi").text).toContain("https://dichvucong.example.gov.vn/vi/account");
    expect(render("dossier.accepted", "en").html).toContain(
      'href="https://dichvucong.example.gov.vn/en/account"',
    );
  });
});

describe("hostile and odd payloads", () => {
  it("escapes every payload value in the HTML: a comment with a script is text", () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const message = renderNotice(
      "dossier.supplement_requested",
      {
        ...payloadFor("dossier.supplement_requested", false),
        comment: `${hostile}\nDòng hai & "trích dẫn"`,
        procedure: { code: "1", nameVi: `<b>Tên</b>`, nameEn: `<i>Name</i>` },
        details: { legalBasis: "<a href='javascript:alert(1)'>x</a>" },
      },
      { fullName: "<svg onload=alert(1)>", locale: "vi", isStaff: false },
      baseUrl,
    );
    expect(message.html).not.toMatch(/<script|<img|<svg|<b>|<a href='javascript/i);
    expect(message.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message.html).toContain("Dòng hai &amp; &quot;trích dẫn&quot;");
    expect(message.html).toContain("&lt;b&gt;Tên&lt;/b&gt;");
    expect(message.html).toContain("&lt;svg onload=alert(1)&gt;");
    // The plain text keeps the words as written.
    expect(message.text).toContain(hostile);
  });

  it("leaves out values of the wrong type instead of showing them", () => {
    const message = renderNotice(
      "dossier.payment_requested",
      {
        code,
        procedure: { nameVi: 42 },
        comment: { nested: true },
        details: { amountVnd: "lots", dueAt: "not a date", legalBasis: ["x"], newDueAt: 17 },
      },
      reader("en", false),
      baseUrl,
    );
    expect(message.text).not.toContain("Amount");
    expect(message.text).not.toContain("Result due");
    expectClean(message, "wrong types");
  });

  it("gives an unknown kind the generic message, never its key", () => {
    for (const lang of languages) {
      const message = renderNotice(
        "payment.something_new",
        { code, procedure },
        reader(lang, false),
        baseUrl,
      );
      expectGoodNotice("unknown", message, reader(lang, false));
      expect(message.text).not.toContain("payment.something_new");
    }
    expect(noticeSubject("__proto__", { code }, "en")).toBe(`Dossier ${code}: there is an update`);
  });

  it("does not read a placeholder in a name as one", () => {
    const message = renderNotice(
      "dossier.accepted",
      payloadFor("dossier.accepted", false),
      { fullName: "{{code}} $t(greeting)", locale: "en", isStaff: false },
      baseUrl,
    );
    expect(message.text).toMatch(/^Dear \{\{code\}\} \$t\(greeting\),/);
  });

  it("says the code is not there yet when a payload has none, and links home", () => {
    const message = renderNotice("dossier.accepted", { procedure }, reader("vi", false), baseUrl);
    expect(message.subject).toBe("Hồ sơ (chưa có mã): đã được tiếp nhận");
    expect(message.link).toBe("https://dichvucong.example.gov.vn/vi");
  });
});

describe("the daily digest", () => {
  const entries = [
    {
      code: "H33-0003",
      procedureName: "Đăng ký kết hôn",
      dueAt: new Date("2026-03-13T10:00:00Z"),
      overdue: false,
    },
    {
      code: "H33-0001",
      procedureName: "Đăng ký khai sinh",
      dueAt: new Date("2026-03-10T03:00:00Z"),
      overdue: true,
    },
    {
      code: "H33-0002",
      procedureName: "<b>Cấp</b> phiếu lý lịch",
      dueAt: new Date("2026-03-12T03:00:00Z"),
      overdue: false,
    },
  ];

  it.each(languages)("lists overdue dossiers first, each linked to its staff page (%s)", (lang) => {
    const digest = renderDigest(reader(lang, true), entries, baseUrl);
    expect(digest.subject).toBe(
      lang === "vi"
        ? "Hồ sơ cần chú ý: 1 quá hạn, 2 sắp đến hạn"
        : "Dossiers needing attention: 1 overdue, 2 due soon",
    );
    const order = ["H33-0001", "H33-0002", "H33-0003"].map((c) => digest.text.indexOf(c));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(-1);
    for (const entry of entries) {
      const link = `https://dichvucong.example.gov.vn/${lang}/staff/dossiers/${entry.code}`;
      expect(digest.text).toContain(link);
      expect(digest.html).toContain(`href="${link}"`);
    }
    expect(digest.link).toBe(`https://dichvucong.example.gov.vn/${lang}/staff`);
    expect(digest.html).toContain("&lt;b&gt;Cấp&lt;/b&gt;");
    expect(digest.text).toContain(
      lang === "vi" ? "Kính gửi Trần Văn Chuyên Viên," : "Dear Trần Văn Chuyên Viên,",
    );
    expectClean(digest, `digest ${lang}`);
  });

  it("says so when nothing is due", () => {
    const digest = renderDigest(reader("en", true), [], baseUrl);
    expect(digest.subject).toBe("No dossiers overdue or due soon");
    expect(digest.text).toContain("You have no dossiers overdue or due soon today.");
    expectClean(digest, "empty digest");
  });
});

describe("the notices a real dossier's journey leaves in the outbox", () => {
  let db: Db;
  let close: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    ({ db, world, close } = await openWorld());
  });

  afterAll(async () => {
    await close();
  });

  it("each renders cleanly for its reader in both languages", async () => {
    const { applicantA, receiver, specialist, head } = world;
    // One dossier to its result, with a supplement on the way.
    const filed = await fileDossier(applicantA, "1.001193");
    const c = filed.code!;
    let view = expectOk(
      await performStaffAction(receiver, {
        action: "accept",
        code: c,
        version: filed.version,
        comment: "Đủ hồ sơ.",
      }),
    );
    view = expectOk(
      await performStaffAction(head, {
        action: "assign",
        code: c,
        version: view.version,
        assigneeId: specialist.userId,
      }),
    );
    view = expectOk(
      await performStaffAction(specialist, {
        action: "request_supplement",
        code: c,
        version: view.version,
        comment: "<script>alert(1)</script> Thiếu bản sao.",
      }),
    );
    view = expectOk(
      await supplementDossier(applicantA, { dossierId: filed.id, version: view.version, comment: "Đây." }),
    );
    view = expectOk(
      await performStaffAction(specialist, {
        action: "propose",
        code: c,
        version: view.version,
        proposal: "approve",
        comment: "Đề nghị cấp.",
      }),
    );
    view = expectOk(await performStaffAction(head, { action: "approve", code: c, version: view.version }));
    expectOk(await performStaffAction(receiver, { action: "return_result", code: c, version: view.version }));
    // One late (an apology with a new date, approved), then stopped.
    const late = await fileDossier(applicantA, "1.001193");
    let lateView = expectOk(
      await performStaffAction(receiver, { action: "accept", code: late.code!, version: late.version }),
    );
    lateView = expectOk(
      await performStaffAction(head, {
        action: "assign",
        code: late.code!,
        version: lateView.version,
        assigneeId: specialist.userId,
      }),
    );
    const newDueDate = new Date(lateView.dueAt!.getTime() + 30 * 86_400_000);
    while ([0, 6].includes(newDueDate.getUTCDay())) newDueDate.setUTCDate(newDueDate.getUTCDate() + 1);
    lateView = expectOk(
      await performStaffAction(specialist, {
        action: "propose_delay",
        code: late.code!,
        version: lateView.version,
        newDueDate: newDueDate.toISOString().slice(0, 10),
        comment: "Cần xác minh thêm.",
      }),
    );
    lateView = expectOk(
      await performStaffAction(head, {
        action: "approve_delay",
        code: late.code!,
        version: lateView.version,
      }),
    );
    expectOk(
      await performStaffAction(head, {
        action: "stop",
        code: late.code!,
        version: lateView.version,
        comment: "Người nộp đề nghị dừng.",
      }),
    );
    // One refused, one withdrawn.
    const refused = await fileDossier(applicantA, "1.001193");
    expectOk(
      await performStaffAction(receiver, {
        action: "refuse",
        code: refused.code!,
        version: refused.version,
        comment: "Không thuộc thẩm quyền.",
      }),
    );
    const withdrawn = await fileDossier(applicantA, "1.001193");
    expectOk(
      await withdrawDossier(applicantA, {
        dossierId: withdrawn.id,
        version: withdrawn.version,
        comment: "Thôi.",
      }),
    );

    const rows = await db.select().from(outbox).orderBy(asc(outbox.id));
    const kinds = new Set(rows.map((row) => row.kind));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        "dossier.accepted",
        "dossier.assigned",
        "dossier.decided",
        "dossier.refused",
        "dossier.returned",
        "dossier.submitted",
        "dossier.supplement_requested",
        "dossier.supplemented",
        "dossier.withdrawn",
        "dossier.delay_proposed",
        "dossier.delayed",
        "dossier.delay_approved",
        "dossier.stopped",
      ]),
    );
    for (const row of rows) {
      expect(noticeKinds, row.kind).toContain(row.kind);
      // A notice to a person who is the applicant is the applicant's; the rest go to staff.
      const isStaff = row.recipientId !== applicantA.userId;
      for (const lang of languages) {
        const recipient = reader(lang, isStaff);
        const message = renderNotice(row.kind, row.payload, recipient, baseUrl);
        expectGoodNotice(row.kind, message, recipient, row.payload.code as string);
        expect(message.html).not.toContain("<script>alert(1)</script>");
      }
    }
    // The applicant reads the officer's message; staff notices carry none.
    const asked = rows.find((row) => row.kind === "dossier.supplement_requested")!;
    expect(renderNotice(asked.kind, asked.payload, reader("vi", false), baseUrl).text).toContain(
      "Thiếu bản sao.",
    );
  });
});
