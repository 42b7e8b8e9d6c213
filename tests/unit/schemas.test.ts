import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { decisionsQuerySchema, publishDecisionSchema } from "@/lib/decisions/schema";
import {
  lookupSchema,
  staffActionSchema,
  startDraftSchema,
  supplementSchema,
  withdrawSchema,
} from "@/lib/dossiers/schema";
import { signInSchema, signUpSchema } from "@/lib/identity/schema";

/** "path → message keys" of a failed parse; {} when it passed. Forms show exactly these. */
function issuesOf(schema: z.core.$ZodType, input: unknown): Record<string, string[]> {
  const result = z.safeParse(schema, input);
  const issues: Record<string, string[]> = {};
  if (result.success) return issues;
  for (const issue of result.error.issues) (issues[issue.path.join(".")] ??= []).push(issue.message);
  return issues;
}

function dataOf<T extends z.core.$ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

describe("signUpSchema", () => {
  const valid = {
    fullName: "  Nguyễn Văn An ",
    email: "an.nguyen@example.vn",
    phone: "0912345678",
    password: "mật khẩu đủ dài",
    confirmPassword: "mật khẩu đủ dài",
  };

  it("accepts a complete registration and trims the name", () => {
    expect(dataOf(signUpSchema, valid)).toEqual({ ...valid, fullName: "Nguyễn Văn An" });
  });

  it.each([
    ["0912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["0912-345-678", "0912345678"],
    ["+84 (91) 234 5678", "+84912345678"],
    ["024 3825 1234", "02438251234"],
  ])("accepts the phone number %j and keeps only %j", (phone, cleaned) => {
    expect(dataOf(signUpSchema, { ...valid, phone }).phone).toBe(cleaned);
  });

  it.each(["12345", "0912 345", "+1 212 555 0100", "0912a45678", ""])(
    "rejects the phone number %j",
    (phone) => {
      expect(issuesOf(signUpSchema, { ...valid, phone })).toEqual({ phone: ["errors.phone"] });
    },
  );

  it.each(["an.nguyen", "an@", "@example.vn", "an nguyen@example.vn", ""])(
    "rejects the e-mail %j",
    (email) => {
      expect(issuesOf(signUpSchema, { ...valid, email })).toEqual({ email: ["errors.email"] });
    },
  );

  it("keeps the e-mail's case (registerCitizen lowers it)", () => {
    expect(dataOf(signUpSchema, { ...valid, email: "An.Nguyen@Example.VN" }).email).toBe(
      "An.Nguyen@Example.VN",
    );
  });

  // `z.email().trim()` checks the format before it trims, so the trim never helps. Browsers strip
  // spaces from <input type="email"> themselves; other clients get "errors.email". See the report.
  it("accepts an e-mail with spaces around it, trimmed", () => {
    expect(dataOf(signUpSchema, { ...valid, email: " an.nguyen@example.vn " }).email).toBe(
      "an.nguyen@example.vn",
    );
  });

  it("needs a name of at least two characters after trimming", () => {
    expect(issuesOf(signUpSchema, { ...valid, fullName: "  A  " })).toEqual({
      fullName: ["errors.fullName"],
    });
    expect(issuesOf(signUpSchema, { ...valid, fullName: "A".repeat(121) })).toEqual({
      fullName: ["errors.tooLong"],
    });
  });

  it("needs a password of at least ten characters", () => {
    expect(issuesOf(signUpSchema, { ...valid, password: "ngắn", confirmPassword: "ngắn" })).toEqual({
      password: ["errors.passwordLength"],
    });
    expect(
      dataOf(signUpSchema, { ...valid, password: "0123456789", confirmPassword: "0123456789" }),
    ).toBeTruthy();
  });

  it("reports a mismatched confirmation on the confirmation field", () => {
    expect(issuesOf(signUpSchema, { ...valid, confirmPassword: "mật khẩu khác hẳn" })).toEqual({
      confirmPassword: ["errors.passwordMismatch"],
    });
  });

  it("reports the mismatch together with the other problems, not only after they are fixed", () => {
    expect(issuesOf(signUpSchema, { ...valid, email: "sai", confirmPassword: "khác" })).toEqual({
      email: ["errors.email"],
      confirmPassword: ["errors.passwordMismatch"],
    });
  });
});

describe("signInSchema", () => {
  it("accepts an e-mail and any non-empty password", () => {
    expect(dataOf(signInSchema, { email: "an@example.vn", password: "x" })).toEqual({
      email: "an@example.vn",
      password: "x",
    });
  });

  it("gives each field its message", () => {
    expect(issuesOf(signInSchema, { email: "an", password: "" })).toEqual({
      email: ["errors.email"],
      password: ["errors.required"],
    });
  });
});

describe("staffActionSchema", () => {
  const base = { code: "000.00.01.H33-260310-0001", version: "3" };
  const assigneeId = crypto.randomUUID();

  it("coerces the version posted by the form from a string", () => {
    expect(dataOf(staffActionSchema, { action: "accept", ...base })).toEqual({
      action: "accept",
      code: base.code,
      version: 3,
    });
  });

  it.each(["0", "-1", "1.5", "abc", ""])("rejects the version %j", (version) => {
    expect(Object.keys(issuesOf(staffActionSchema, { action: "accept", ...base, version }))).toEqual([
      "version",
    ]);
  });

  it.each(["accept", "approve", "return_result"])("%s needs no comment", (action) => {
    expect(issuesOf(staffActionSchema, { action, ...base })).toEqual({});
    expect(dataOf(staffActionSchema, { action, ...base, comment: "  Đủ hồ sơ  " })).toMatchObject({
      comment: "Đủ hồ sơ",
    });
  });

  it.each(["request_supplement", "refuse", "deny", "stop"])("%s needs a comment", (action) => {
    expect(issuesOf(staffActionSchema, { action, ...base })).toEqual({ comment: expect.any(Array) });
    expect(issuesOf(staffActionSchema, { action, ...base, comment: "   " })).toEqual({
      comment: ["errors.commentRequired"],
    });
    expect(dataOf(staffActionSchema, { action, ...base, comment: " Thiếu giấy chứng sinh " })).toMatchObject({
      action,
      comment: "Thiếu giấy chứng sinh",
    });
  });

  it("limits a comment to 2000 characters", () => {
    expect(issuesOf(staffActionSchema, { action: "refuse", ...base, comment: "a".repeat(2001) })).toEqual({
      comment: ["errors.tooLong"],
    });
  });

  it("assign needs the assignee's id", () => {
    expect(issuesOf(staffActionSchema, { action: "assign", ...base })).toEqual({
      assigneeId: ["errors.assigneeRequired"],
    });
    expect(issuesOf(staffActionSchema, { action: "assign", ...base, assigneeId: "" })).toEqual({
      assigneeId: ["errors.assigneeRequired"],
    });
    expect(dataOf(staffActionSchema, { action: "assign", ...base, assigneeId })).toMatchObject({
      assigneeId,
    });
  });

  it("propose needs a proposal (approve or deny) and a comment", () => {
    expect(issuesOf(staffActionSchema, { action: "propose", ...base, comment: "" })).toEqual({
      proposal: ["errors.proposalRequired"],
      comment: ["errors.commentRequired"],
    });
    expect(
      issuesOf(staffActionSchema, { action: "propose", ...base, proposal: "maybe", comment: "Đủ điều kiện" }),
    ).toEqual({ proposal: ["errors.proposalRequired"] });
    expect(
      dataOf(staffActionSchema, {
        action: "propose",
        ...base,
        proposal: "deny",
        comment: "Không đủ điều kiện",
      }),
    ).toMatchObject({ proposal: "deny", version: 3 });
  });

  it("rejects an unknown action and a missing one", () => {
    expect(Object.keys(issuesOf(staffActionSchema, { action: "delete", ...base }))).toEqual(["action"]);
    expect(Object.keys(issuesOf(staffActionSchema, base))).toEqual(["action"]);
  });

  it("needs the dossier code", () => {
    expect(Object.keys(issuesOf(staffActionSchema, { action: "accept", ...base, code: "  " }))).toEqual([
      "code",
    ]);
  });
});

describe("applicant commands", () => {
  const dossierId = crypto.randomUUID();

  it("supplementSchema needs the dossier, its version and a note", () => {
    expect(dataOf(supplementSchema, { dossierId, version: "2", comment: " Đã bổ sung " })).toEqual({
      dossierId,
      version: 2,
      comment: "Đã bổ sung",
    });
    expect(issuesOf(supplementSchema, { dossierId, version: "2", comment: " " })).toEqual({
      comment: ["errors.commentRequired"],
    });
    expect(Object.keys(issuesOf(supplementSchema, { dossierId: "abc", version: "2", comment: "x" }))).toEqual(
      ["dossierId"],
    );
  });

  it("withdrawSchema takes an optional reason", () => {
    expect(dataOf(withdrawSchema, { dossierId, version: "1" })).toEqual({ dossierId, version: 1 });
    expect(dataOf(withdrawSchema, { dossierId, version: 1, comment: " Nộp nhầm " })).toMatchObject({
      comment: "Nộp nhầm",
    });
    expect(Object.keys(issuesOf(withdrawSchema, { dossierId, version: "0" }))).toEqual(["version"]);
  });

  it("startDraftSchema takes a procedure code and, where needed, the chosen agency", () => {
    expect(dataOf(startDraftSchema, { procedureCode: " 1.001193 " })).toEqual({ procedureCode: "1.001193" });
    const competentAgencyId = crypto.randomUUID();
    expect(dataOf(startDraftSchema, { procedureCode: "1.001193", competentAgencyId })).toMatchObject({
      competentAgencyId,
    });
    // An agency select left on its empty option posts "".
    expect(issuesOf(startDraftSchema, { procedureCode: "1.001193", competentAgencyId: "" })).toEqual({
      competentAgencyId: ["errors.agencyRequired"],
    });
    expect(Object.keys(issuesOf(startDraftSchema, { procedureCode: "" }))).toEqual(["procedureCode"]);
  });
});

describe("lookupSchema", () => {
  it.each([
    ["000.01.01.H33-261127-0001", "000.01.01.H33-261127-0001"],
    ["  000.01.01.H33-261127-0001 ", "000.01.01.H33-261127-0001"],
    ["000.01.01.h33-261127-0001", "000.01.01.h33-261127-0001"],
  ])("accepts %j", (code, parsed) => {
    expect(dataOf(lookupSchema, { code })).toEqual({ code: parsed });
  });

  it("asks for a code first when none was typed", () => {
    expect(issuesOf(lookupSchema, { code: "   " }).code?.[0]).toBe("errors.codeRequired");
  });

  it.each([
    "000.01.01.H33",
    "000.01.01.H33-2611-0001",
    "000.01.01.H33-261127-001",
    "000.01.01.H33-261127-00001",
    "000.01.01.H33 261127 0001",
    "000.01.01.H33-261127-0001; drop table dossiers",
    "../../etc/passwd-261127-0001",
    `${"0".repeat(30)}-261127-0001`,
  ])("rejects %j as a bad format", (code) => {
    const issues = issuesOf(lookupSchema, { code });
    expect(Object.keys(issues)).toEqual(["code"]);
    expect(new Set(issues.code)).toEqual(new Set(["errors.codeFormat"]));
  });
});

describe("decision schemas", () => {
  const valid = {
    dossierCode: "000.00.02.H33-260310-0001",
    number: "125/QĐ-UBND",
    issuedOn: "2026-03-12",
    summaryVi: "Cấp giấy khai sinh",
    summaryEn: "Birth certificate issued",
  };

  it("accepts a decision and trims its text", () => {
    expect(dataOf(publishDecisionSchema, { ...valid, number: " 125/QĐ-UBND " })).toEqual(valid);
  });

  it.each(["2026-02-30", "12/03/2026", "2026-3-12", ""])("rejects the date %j", (issuedOn) => {
    expect(issuesOf(publishDecisionSchema, { ...valid, issuedOn })).toEqual({ issuedOn: ["errors.date"] });
  });

  it("needs every text and limits its length", () => {
    expect(issuesOf(publishDecisionSchema, { ...valid, summaryEn: "  ", number: "" })).toEqual({
      number: ["errors.required"],
      summaryEn: ["errors.required"],
    });
    expect(issuesOf(publishDecisionSchema, { ...valid, number: "1".repeat(101) })).toEqual({
      number: ["errors.tooLong"],
    });
  });

  it("reads a search query with defaults and falls back on bad values instead of failing", () => {
    expect(dataOf(decisionsQuerySchema, {})).toEqual({ q: "", page: 1 });
    expect(dataOf(decisionsQuerySchema, { q: "  khai sinh ", page: "3" })).toEqual({
      q: "khai sinh",
      page: 3,
    });
    expect(dataOf(decisionsQuerySchema, { q: ["a", "b"], page: "abc" })).toEqual({ q: "", page: 1 });
    expect(dataOf(decisionsQuerySchema, { page: "0" })).toEqual({ q: "", page: 1 });
    expect(dataOf(decisionsQuerySchema, { page: "1001" })).toEqual({ q: "", page: 1 });
  });
});

describe("issuesOf: the one converter from zod issues to message keys", () => {
  it("keys issues by their dotted path, each message once, and the whole input as _", async () => {
    const { z } = await import("zod");
    const { issuesOf } = await import("@/lib/result");
    const schema = z
      .object({ name: z.string().min(2, "errors.short"), group: z.object({ id: z.string() }) })
      .refine(() => false, "errors.whole");
    const parsed = schema.safeParse({ name: "a", group: { id: 3 } });
    expect(parsed.success).toBe(false);
    const issues = issuesOf(parsed.error!);
    expect(issues.name).toEqual(["errors.short"]);
    expect(Object.keys(issues)).toContain("group.id");
    expect(issuesOf(parsed.error!, { fallback: "errors.invalid" })["group.id"]).toEqual(["errors.invalid"]);
  });
});
