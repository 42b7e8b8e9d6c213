import fs from "node:fs";
import { NextRequest } from "next/server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { dossierEvents } from "@/db/schema";
import { performStaffAction, supplementDossier } from "@/lib/dossiers/service";
import type { Actor } from "@/lib/identity/types";
import { renderDossierSlip, renderRegister } from "@/lib/slips/service";
import type { SlipNumber } from "@/lib/slips/rules";
import { expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

// The routes resolve the actor from the session; here the test decides who is asking.
const session = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/identity/actor", () => ({ getActor: async () => session.actor }));

const slipRoute = await import("@/app/api/v1/dossiers/[code]/slips/[slip]/route");
const registerRoute = await import("@/app/api/v1/agencies/[code]/register.pdf/route");

let db: Db;
let close: () => Promise<void>;
let world: World;
/** A dossier that went the whole way (01, 02, 04, 06), one refused (03), one stopped (05). */
let full: string;
let refused: string;
let stopped: string;

const vn = (local: string) => new Date(`${local}+07:00`);
const origin = "https://dichvucong.example.gov.vn";
/** Set SLIPS_PDF_DIR to keep the PDFs (to look at them). */
const keepDir = process.env.SLIPS_PDF_DIR;

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.normalize("NFC").replace(/\s+/g, " ");
}

/** The addresses the first page links to (the lookup link beside the QR code). */
async function linksOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const annotations = (await (await pdf.getPage(1)).getAnnotations()) as { url?: string }[];
  return [...new Set(annotations.flatMap((annotation) => (annotation.url ? [annotation.url] : [])))];
}

async function slip(actor: Actor, code: string, number: SlipNumber, lang: "vi" | "en" = "vi") {
  const result = await renderDossierSlip(actor, { code, slip: number, lang, origin });
  if (result.ok && keepDir) {
    fs.mkdirSync(keepDir, { recursive: true });
    fs.writeFileSync(`${keepDir}/${result.value.fileName}`, result.value.bytes);
  }
  return result;
}

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  const { applicantA, receiver, head, specialist } = world;

  vi.setSystemTime(vn("2026-03-06T09:00:00"));
  let dossier = await fileDossier(applicantA, "1.001193");
  full = dossier.code!;
  vi.setSystemTime(vn("2026-03-06T09:30:00"));
  dossier = expectOk(
    await performStaffAction(receiver, { action: "accept", code: full, version: dossier.version }),
  );
  vi.setSystemTime(vn("2026-03-09T08:00:00"));
  dossier = expectOk(
    await performStaffAction(head, {
      action: "assign",
      code: full,
      version: dossier.version,
      assigneeId: specialist.userId,
    }),
  );
  vi.setSystemTime(vn("2026-03-09T09:00:00"));
  dossier = expectOk(
    await performStaffAction(specialist, {
      action: "request_supplement",
      code: full,
      version: dossier.version,
      comment: "Bổ sung bản sao Giấy chứng nhận kết hôn của cha mẹ.",
    }),
  );
  vi.setSystemTime(vn("2026-03-11T10:00:00"));
  dossier = expectOk(
    await supplementDossier(applicantA, {
      dossierId: dossier.id,
      version: dossier.version,
      comment: "Đã nộp bổ sung.",
    }),
  );
  // The "will be late" transition is another branch's: its event, as slip 04 expects it.
  vi.setSystemTime(vn("2026-03-13T15:00:00"));
  await db.insert(dossierEvents).values({
    dossierId: dossier.id,
    at: new Date(),
    actorId: head.userId,
    action: "approve_delay",
    fromStatus: "in_progress",
    toStatus: "in_progress",
    comment: "Chờ xác minh của Ủy ban nhân dân xã.",
    details: {
      reason: "Chờ xác minh của Ủy ban nhân dân xã.",
      originalDueAt: vn("2026-03-16T17:00:00").toISOString(),
      newDueAt: vn("2026-03-20T17:00:00").toISOString(),
    },
  });
  vi.setSystemTime(vn("2026-03-16T10:00:00"));
  dossier = expectOk(
    await performStaffAction(specialist, {
      action: "propose",
      code: full,
      version: dossier.version,
      proposal: "approve",
      comment: "Đủ điều kiện.",
    }),
  );
  vi.setSystemTime(vn("2026-03-16T14:00:00"));
  dossier = expectOk(
    await performStaffAction(head, { action: "approve", code: full, version: dossier.version }),
  );
  vi.setSystemTime(vn("2026-03-17T09:00:00"));
  expectOk(
    await performStaffAction(receiver, { action: "return_result", code: full, version: dossier.version }),
  );

  vi.setSystemTime(vn("2026-03-06T10:00:00"));
  const second = await fileDossier(applicantA, "1.001193");
  refused = second.code!;
  expectOk(
    await performStaffAction(receiver, {
      action: "refuse",
      code: refused,
      version: second.version,
      comment: "Thủ tục không thuộc thẩm quyền giải quyết.",
    }),
  );

  const third = await fileDossier(world.applicantB, "1.001193");
  stopped = third.code!;
  const thirdAccepted = expectOk(
    await performStaffAction(receiver, { action: "accept", code: stopped, version: third.version }),
  );
  vi.setSystemTime(vn("2026-03-12T16:00:00"));
  expectOk(
    await performStaffAction(head, {
      action: "stop",
      code: stopped,
      version: thirdAccepted.version,
      comment: "Người nộp đề nghị dừng để điều chỉnh thông tin.",
    }),
  );
  vi.useRealTimers();
});

afterAll(async () => {
  await close();
});

afterEach(() => {
  session.actor = { kind: "anonymous" };
});

describe("the slips' text", () => {
  it("01: the receipt names the applicant with diacritics, the code, the documents and the appointment", async () => {
    for (const reader of [world.receiver, world.applicantA]) {
      const file = expectOk(await slip(reader, full, "01"));
      expect(file.fileName).toBe(`phieu-01-${full}.pdf`);
      expect(new TextDecoder().decode(file.bytes.subarray(0, 5))).toBe("%PDF-");
      const text = await textOf(file.bytes);
      expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
      expect(text.toLocaleLowerCase("vi")).toContain("giấy tiếp nhận hồ sơ và hẹn trả kết quả");
      expect(text).toContain("Nguyễn Văn An");
      expect(text).toContain(full);
      expect(text).toContain("Giấy chứng sinh");
      // Three working days from Friday 6 March 09:30 (Tuesday 10 off): the same time on Thursday 12.
      expect(text).toContain("09 giờ 30 phút, ngày 12/03/2026");
      expect(text).toContain("3 ngày làm việc");
      // The address is written out (wrapped where the line ends) and linked.
      expect(text.replace(/ /g, "")).toContain(`${origin}/vi/lookup?code=${full}`);
      expect(await linksOf(file.bytes)).toEqual([`${origin}/vi/lookup?code=${full}`]);
    }
    // The officer's name is on the agency's copy, never on the one the applicant downloads.
    expect(await textOf(expectOk(await slip(world.receiver, full, "01")).bytes)).toContain(
      "Nguyễn Thị Tiếp Nhận",
    );
    expect(await textOf(expectOk(await slip(world.applicantA, full, "01")).bytes)).not.toContain("Tiếp Nhận");
  });

  it("01 in English is a courtesy translation that says so", async () => {
    const file = expectOk(await slip(world.applicantA, full, "01", "en"));
    expect(file.fileName).toBe(`phieu-01-${full}-en.pdf`);
    const text = await textOf(file.bytes);
    expect(text).toContain("RECEIPT AND APPOINTMENT SLIP");
    expect(text).toContain("The Vietnamese slip is the official document");
    expect(text).toContain("Nguyễn Văn An");
    expect(await linksOf(file.bytes)).toEqual([`${origin}/en/lookup?code=${full}`]);
  });

  it("02, 03, 04, 05 carry the agency's words from their events", async () => {
    const two = await textOf(expectOk(await slip(world.applicantA, full, "02")).bytes);
    expect(two).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
    expect(two).toContain("Bổ sung bản sao Giấy chứng nhận kết hôn của cha mẹ.");

    const three = await textOf(expectOk(await slip(world.applicantA, refused, "03")).bytes);
    expect(three).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    expect(three).toContain("Thủ tục không thuộc thẩm quyền giải quyết.");
    expect(three).toContain(refused);

    const four = await textOf(expectOk(await slip(world.head, full, "04")).bytes);
    expect(four).toContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    expect(four).toContain("Chờ xác minh của Ủy ban nhân dân xã.");
    expect(four).toContain("17 giờ 00 phút, ngày 16/03/2026");
    expect(four).toContain("17 giờ 00 phút, ngày 20/03/2026");
    expect(four).toContain("Phạm Thị Trưởng Phòng");

    const five = await textOf(expectOk(await slip(world.applicantB, stopped, "05")).bytes);
    expect(five).toContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
    expect(five).toContain("Trần Thị Bình");
    expect(five).toContain("Người nộp đề nghị dừng để điều chỉnh thông tin.");
  });

  it("06 lists every hand-over with who gave, who took, and whether the result was on time", async () => {
    const text = await textOf(expectOk(await slip(world.receiver, full, "06")).bytes);
    expect(text).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    for (const name of [
      "Nguyễn Thị Tiếp Nhận",
      "Phạm Thị Trưởng Phòng",
      "Trần Văn Chuyên Viên",
      "Nguyễn Văn An",
    ]) {
      expect(text).toContain(name);
    }
    for (const step of [
      "Nộp hồ sơ",
      "Phân công xử lý",
      "Yêu cầu bổ sung",
      "Trình phê duyệt",
      "Trả kết quả",
    ]) {
      expect(text).toContain(step);
    }
    // Decided after the appointment (moved by the supplement's clock stop, not by the apology): late.
    expect(text).toContain("Phê duyệt: cấp kết quả (Quá hạn)");
    expect(text).toContain("Xin lỗi, hẹn lại ngày trả");
  });
});

describe("who gets a slip", () => {
  it("gives the applicant 01–05 but never the internal 06, and staff every slip", async () => {
    expect(await slip(world.applicantA, full, "06")).toEqual({ ok: false, error: "not_found" });
    expect((await slip(world.specialist, full, "06")).ok).toBe(true);
  });

  it("says nothing to another citizen, another province's officer, or anyone signed out", async () => {
    for (const outsider of [world.applicantB, world.otherReceiver, { kind: "anonymous" } as Actor]) {
      for (const number of ["01", "06"] as const) {
        expect(await slip(outsider, full, number)).toEqual({ ok: false, error: "not_found" });
      }
    }
  });

  it("has no slip before its event", async () => {
    // The refused dossier was never accepted, asked for documents, delayed or stopped.
    for (const number of ["01", "02", "04", "05"] as const) {
      expect(await slip(world.receiver, refused, number)).toEqual({ ok: false, error: "not_found" });
    }
  });
});

describe("GET /api/v1/dossiers/[code]/slips/[slip]", () => {
  const get = (code: string, slipNumber: string, query = "") =>
    slipRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/dossiers/${code}/slips/${slipNumber}${query}`),
      {
        params: Promise.resolve({ code, slip: slipNumber }),
      },
    );

  it("sends the PDF inline, private, named by its code and number", async () => {
    session.actor = world.applicantA;
    const response = await get(full, "01");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="phieu-01-${full}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    // The QR code and link use the request's own origin when no public address is configured.
    expect(await linksOf(bytes)).toEqual([`http://localhost:3000/vi/lookup?code=${full}`]);
  });

  it("answers 404 JSON to whoever may not have the slip, and 400 JSON to malformed input", async () => {
    session.actor = world.applicantA;
    const internal = await get(full, "06");
    expect(internal.status).toBe(404);
    expect(await internal.json()).toEqual({ error: "not_found" });
    session.actor = world.applicantB;
    expect((await get(full, "01")).status).toBe(404);

    session.actor = world.receiver;
    for (const [code, number, query] of [
      [full, "07", ""],
      [full, "1", ""],
      ["not-a-code", "01", ""],
      [full, "01", "?lang=fr"],
    ] as const) {
      const response = await get(code, number, query);
      expect(response.status, `${code} ${number} ${query}`).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ error: "invalid_request" });
    }
  });
});

describe("the register (07)", () => {
  const get = (agency: string, query: string) =>
    registerRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/agencies/${agency}/register.pdf${query}`),
      {
        params: Promise.resolve({ code: agency }),
      },
    );

  it("lists the agency's dossiers of the period, for its own staff", async () => {
    const file = expectOk(
      await renderRegister(world.receiver, {
        agencyCode: world.centre.code,
        period: { from: "2026-03-01", to: "2026-03-31" },
        lang: "vi",
      }),
    );
    if (keepDir) fs.writeFileSync(`${keepDir}/${file.fileName}`, file.bytes);
    expect(file.fileName).toBe(`so-theo-doi-${world.centre.code}-2026-03-01-2026-03-31.pdf`);
    const text = await textOf(file.bytes);
    expect(text).toContain("SỔ THEO DÕI HỒ SƠ");
    expect(text).toContain("Từ ngày 01/03/2026 đến ngày 31/03/2026");
    for (const code of [full, refused, stopped]) expect(text).toContain(code);
    expect(text).toContain("Trần Thị Bình");
    expect(text).toContain("Số hồ sơ: 3");

    const april = await textOf(
      expectOk(
        await renderRegister(world.receiver, {
          agencyCode: world.centre.code,
          period: { from: "2026-04-01", to: "2026-04-30" },
          lang: "vi",
        }),
      ).bytes,
    );
    expect(april).toContain("Không có hồ sơ nào trong khoảng thời gian này.");
  });

  it("is the agency's own: other staff and applicants get 404, bad dates 400", async () => {
    session.actor = world.receiver;
    const response = await get(world.centre.code, "?from=2026-03-01&to=2026-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");

    for (const outsider of [world.otherReceiver, world.applicantA, { kind: "anonymous" } as Actor]) {
      session.actor = outsider;
      expect((await get(world.centre.code, "?from=2026-03-01&to=2026-03-31")).status).toBe(404);
    }
    session.actor = world.receiver;
    expect((await get("000.00.99.H99", "?from=2026-03-01&to=2026-03-31")).status).toBe(404);
    const bad = await get(world.centre.code, "?from=2026-03-31&to=2026-03-01");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "invalid_query",
      issues: { to: ["register.errors.toBeforeFrom"] },
    });
    expect((await get(world.centre.code, "?from=2026-02-30&to=2026-03-01")).status).toBe(400);
    expect((await get(world.centre.code, "")).status).toBe(400);
  });
});
