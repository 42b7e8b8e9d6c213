import { describe, expect, it } from "vitest";
import { looksClassified } from "@/lib/meetings/classified";

/* The one classified check (meetings, opinion forms, tasks): a file's name and its description. */
describe("classified material is out of the workspace's scope", () => {
  it.each([
    // Vietnamese marks, accents kept, any case, as words.
    ["Tài liệu mật", null, true],
    ["Tài liệu MẬT.pdf", null, true],
    ["TỐI MẬT - đề án", null, true],
    ["tối mật - kế hoạch", null, true],
    ["tuyệt mật", null, true],
    ["Báo cáo tuyệt mật.docx", null, true],
    ["bí mật nhà nước", null, true],
    ["du-thao-mật.pdf", null, true],
    ["Báo cáo_Mật.pdf", null, true],
    ["tai-lieu.pdf", "Tối mật", true],
    ["mật", null, true],
    // A mark refuses even beside an ordinary compound.
    ["mật khẩu tối mật.pdf", null, true],
    ["Mật: mật độ dân cư", null, true],
    // English marks, as words.
    ["CLASSIFIED report", null, true],
    ["CLASSIFIED annex", null, true],
    ["report.pdf", "Classified annex", true],
    ["top-secret.pdf", null, true],
    ["top-secret plan", null, true],
    ["SECRET_plan.pdf", null, true],
    ["Secret", null, true],
    ["Confidential memo", null, true],
    // Ordinary compounds in which "mật" is another word.
    ["mật độ dân cư", null, false],
    ["Mật độ xây dựng.pdf", null, false],
    ["mật ong rừng", null, false],
    ["hướng dẫn đổi mật khẩu", null, false],
    ["quy-trinh-doi-mật-khẩu.pdf", null, false],
    ["quan hệ mật thiết", null, false],
    ["mật mã học cơ bản", null, false],
    // Other words: folded accents would match "mat"; they are not "mật".
    ["Dự thảo quyết định.pdf", null, false],
    ["Báo cáo tiến độ.pdf", null, false],
    ["Mặt bằng tổng thể.pdf", null, false],
    ["mặt bằng.pdf", null, false],
    ["Mất giấy tờ.pdf", null, false],
    ["mát mẻ", null, false],
    ["bao cao mat", null, false],
    ["matrix", null, false],
    ["mật_độ.xlsx", null, false],
    // English words containing a mark.
    ["secretary report.pdf", null, false],
    ["secretary's note", null, false],
    ["secretary-letter.pdf", null, false],
    ["declassification-plan.pdf", null, false],
    ["confidentiality policy", null, false],
    // Nothing said.
    [null, null, false],
    ["", "", false],
  ] as const)("%s (%s): classified %s", (name, description, expected) => {
    expect(looksClassified(name, description)).toBe(expected);
  });
});
