import { formFields, singlePage } from "@/lib/forms/definition";
import { describe, expect, it } from "vitest";
import { personalDataIn, personalDataIssues } from "@/lib/decisions/rules";
import { isIdNumberField, maskIdNumber, personalDataOf, personalKindOf } from "@/lib/forms/personal";
import type { FormDefinition, FormField } from "@/lib/forms/types";
import { answerText } from "@/components/dossiers/answers";
import { publishIssues } from "@/components/staff/staffForms";

const field = (overrides: Partial<FormField> & Pick<FormField, "name" | "type">): FormField => ({
  label: { vi: overrides.name, en: overrides.name },
  required: true,
  ...overrides,
});

const form: FormDefinition = singlePage([
  field({ name: "childFullName", type: "text", personal: "name" }),
  field({ name: "ownerIdNumber", type: "idNumber" }),
  field({ name: "phone", type: "tel" }),
  field({ name: "email", type: "email" }),
  field({ name: "constructionAddress", type: "text", personal: "address" }),
  field({ name: "businessName", type: "text" }),
  field({ name: "relationship", type: "text" }),
  field({ name: "floors", type: "number" }),
  field({ name: "childSex", type: "select", options: [] }),
]);

const answers = {
  childFullName: "Lê Minh Khang",
  ownerIdNumber: "033090012345",
  phone: "0912 345 678",
  email: "lan.nguyen@example.vn",
  constructionAddress: "Số 45 đường Điện Biên, phường Phố Hiến",
  businessName: "Hộ kinh doanh Tạp hóa Minh Hằng",
  relationship: "con",
  floors: 3,
  childSex: "male",
};
const data = personalDataOf(form, answers, "Nguyễn Thị Lan");

describe("which answers are personal: read from the form definition", () => {
  it("by type (idNumber, tel, email) or by the field's personal mark, never by the value", () => {
    expect(formFields(form).map(personalKindOf)).toEqual([
      "name",
      "idNumber",
      "phone",
      "email",
      "address",
      null,
      null,
      null,
      null,
    ]);
    expect(isIdNumberField(formFields(form)[1]!)).toBe(true);
    // A text answer that looks like an ID number is not one unless the form says so.
    expect(isIdNumberField(field({ name: "landParcel", type: "text" }))).toBe(false);
  });

  it("gathers the applicant's name and the personal answers, leaving out blanks", () => {
    expect(data).toEqual([
      { kind: "name", value: "Nguyễn Thị Lan" },
      { kind: "name", value: "Lê Minh Khang" },
      { kind: "idNumber", value: "033090012345" },
      { kind: "phone", value: "0912 345 678" },
      { kind: "email", value: "lan.nguyen@example.vn" },
      { kind: "address", value: "Số 45 đường Điện Biên, phường Phố Hiến" },
    ]);
    expect(personalDataOf(form, { childFullName: "  " }, null)).toEqual([]);
  });
});

describe("masking an identity number", () => {
  it.each([
    ["033090012345", "•••• •••• 2345"],
    ["0330 9001 2345", "•••• •••• 2345"],
    ["C1234567", "•••• 4567"],
    ["123456789", "• •••• 6789"],
    ["1234", "••••"],
    ["", "••••"],
  ])("%s -> %s", (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });

  it("applicants' pages show the last four digits; the officer's page asks for the whole number", () => {
    const id = formFields(form)[1]!;
    expect(answerText(id, "033090012345", "vi")).toBe("•••• •••• 2345");
    expect(answerText(id, "033090012345", "en", { idNumbers: "full" })).toBe("033090012345");
    expect(answerText(id, "", "vi")).toBe(null);
    // Other answers are untouched.
    expect(answerText(formFields(form)[0]!, "Lê Minh Khang", "vi")).toBe("Lê Minh Khang");
  });
});

describe("personal data in published text", () => {
  const found = (text: string) => personalDataIn([text], data).map((d) => d.kind);

  it.each([
    ["Cấp giấy khai sinh cho trẻ Lê Minh Khang", ["name"]],
    ["Cấp giấy khai sinh cho trẻ LE MINH KHANG", ["name"]],
    ["Birth certificate for Le Minh Khang", ["name"]],
    ["Đăng ký khai sinh cho cháu Minh Khang", ["name"]],
    ["Người nộp: nguyen thi lan", ["name"]],
    ["Chủ đầu tư số định danh 033090012345", ["idNumber"]],
    ["ID 0330-9001-2345", ["idNumber"]],
    ["Liên hệ 0912345678", ["phone"]],
    ["Liên hệ +84 912 345 678", ["phone"]],
    ["Liên hệ LAN.NGUYEN@example.vn", ["email"]],
    ["Giấy phép xây dựng nhà ở tại số 45 đường Điện Biên, phường Phố Hiến", ["address"]],
    ["Building permit at 45 Dien Bien", ["address"]],
    ["Nhà ở tại số 45 Điện Biên", ["address"]],
  ])("finds it in %j", (text, kinds) => {
    expect(found(text)).toEqual(kinds);
  });

  it.each([
    "Cấp giấy phép xây dựng nhà ở riêng lẻ 3 tầng, tổng diện tích sàn 450 m², phường Phố Hiến",
    "Quyết định 125/QĐ-UBND của UBND phường Phố Hiến",
    "Cấp Giấy chứng nhận đăng ký hộ kinh doanh cho Hộ kinh doanh Tạp hóa Minh Hằng",
    // The family name or the given name alone does not point at the person; nor does the street alone.
    "Nguyễn Trãi; Lan can cầu thang; Khang trang",
    "Đường Điện Biên được mở rộng",
    "Số 45/QĐ-UBND",
  ])("finds nothing in %j", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("ignores values too short to mean anyone", () => {
    const short = [
      { kind: "name" as const, value: "An" },
      { kind: "idNumber" as const, value: "12" },
      { kind: "phone" as const, value: "113" },
      { kind: "address" as const, value: "Số 1" },
      { kind: "email" as const, value: "a@b" },
    ];
    expect(personalDataIn(["An 12 113 Số 1 a@b, số 12 đường An"], short)).toEqual([]);
  });

  it("names each field that holds personal data, with the kinds as message keys for the form", () => {
    const issues = personalDataIssues(
      {
        number: "125/QĐ-UBND",
        summaryVi: "Cấp phép cho Lê Minh Khang tại số 45 đường Điện Biên",
        summaryEn: "Building permit, ID 033090012345",
      },
      data,
    );
    expect(issues).toEqual({
      summaryVi: ["errors.personalData.name", "errors.personalData.address"],
      summaryEn: ["errors.personalData.idNumber"],
    });
    expect(publishIssues(issues!)).toEqual({
      summaryVi: ["staff:publish.fieldErrors.personalData.name"],
      summaryEn: ["staff:publish.fieldErrors.personalData.idNumber"],
    });
    expect(personalDataIssues({ number: "125/QĐ-UBND", summaryVi: "Cấp phép 3 tầng" }, data)).toBe(null);
  });
});
