import { describe, expect, it } from "vitest";
import { seedPeople } from "@/db/seed/accounts";
import { answersFor } from "@/db/seed/answers";
import { administrativeUnitRows } from "@/db/seed/places";
import { seedProcedures } from "@/db/seed/procedures";
import { createRandom } from "@/db/seed/random";
import { isFree } from "@/lib/catalog/rules";
import { formFields } from "@/lib/forms/definition";
import { answerProblems, definitionProblems, type Places } from "../support/formChecks";

const units = administrativeUnitRows(new Date("2026-06-15T03:00:00Z"));
const places: Places = {
  provinceCodes: units.filter((u) => u.level === "province").map((u) => u.code),
  communesOf: (code) => {
    const list = units.filter((u) => u.provinceCode === code).map((u) => u.code);
    return list.length > 0 ? list : null;
  },
};

describe("the demo procedures' forms", () => {
  it("are the 12 procedures, each a valid definition of several pages", () => {
    expect(seedProcedures).toHaveLength(12);
    for (const procedure of seedProcedures) {
      expect(definitionProblems(procedure.form, procedure.documents), procedure.code).toEqual([]);
      expect(procedure.form.pages.length, procedure.code).toBeGreaterThanOrEqual(4);
      expect(procedure.version.form).toBe(procedure.form);
    }
  });

  it("ask for each document an online dossier must upload, on a page of its own or with the others", () => {
    for (const procedure of seedProcedures) {
      const uploads = new Set(
        formFields(procedure.form)
          .filter((f) => f.type === "document")
          .map((f) => f.documentKey),
      );
      for (const document of procedure.documents.filter((d) => d.required))
        expect(uploads.has(document.key), `${procedure.code} ${document.key}`).toBe(true);
    }
  });

  it("follow the real birth registration declaration", () => {
    const birth = seedProcedures.find((p) => p.code === "1.001193")!;
    const names = formFields(birth.form).map((f) => f.name);
    for (const name of [
      "childFullName",
      "childDateOfBirth",
      "childSex",
      "childEthnicity",
      "childNationality",
      "placeOfBirth",
      "hometown",
      "motherFullName",
      "motherBirthYear",
      "motherEthnicity",
      "motherNationality",
      "motherIdNumber",
      "motherResidence",
      "fatherNamed",
      "fatherFullName",
      "fatherBirthYear",
      "fatherIdNumber",
      "fatherResidence",
      "declarantFullName",
      "declarantIdNumber",
      "declarantRelationship",
      "declarantPhone",
      "declarantEmail",
      "extractCopies",
    ])
      expect(names, name).toContain(name);
    // The father's pages show only when he is named.
    const fatherPages = birth.form.pages.filter((p) => p.section === "father" && p.id !== "father-named");
    expect(fatherPages.length).toBe(3);
    expect(fatherPages.every((p) => p.showIf?.field === "fatherNamed")).toBe(true);
  });

  it("mark people's names, numbers and homes as personal data, inside groups too", () => {
    const personalTypes = new Set(["idNumber", "tel", "email"]);
    for (const procedure of seedProcedures) {
      const all = formFields(procedure.form).flatMap((f) => [f, ...(f.fields ?? [])]);
      for (const field of all) {
        if (/FullName$|^fullName$|HeadName$/.test(field.name))
          expect(field.personal, `${procedure.code} ${field.name}`).toBe("name");
        if (/Residence$|^residence$/.test(field.name))
          expect(field.personal, `${procedure.code} ${field.name}`).toBe("address");
        if (/IdNumber$|^idNumber$/.test(field.name)) expect(personalTypes.has(field.type)).toBe(true);
      }
    }
  });

  it("are answered validly by the seed's answers, for many applicants", () => {
    const random = createRandom(7);
    const people = seedPeople(random, 30);
    for (const procedure of seedProcedures) {
      for (const [i, applicant] of people.entries()) {
        const answers = answersFor(procedure.code, {
          random,
          applicant,
          commune: i % 2 ? "phoHien" : "thaiBinh",
          submittedAt: new Date("2026-06-10T03:00:00Z"),
        });
        expect(answerProblems(procedure.form, answers, places), `${procedure.code} ${i}`).toEqual([]);
      }
    }
  });
});

describe("the demo procedures' published texts", () => {
  const internal =
    /demo|bản thử|dữ liệu thu thập|source data|crawl|the portal (says|shows|gives)|cổng (chỉ )?ghi|cổng hiển thị|left blank|để trống|lược bỏ/i;

  it("publish no data-cleaning note", () => {
    for (const procedure of seedProcedures) {
      const notes = procedure.version.details?.notes;
      for (const lang of ["vi", "en"] as const)
        expect(notes?.[lang] ?? "", `${procedure.code} ${lang}`).not.toMatch(internal);
      for (const fee of procedure.version.fees ?? []) expect(fee.asPublished).not.toMatch(internal);
    }
  });

  it("never call free a fee set elsewhere, and say where an amount left blank is set", () => {
    for (const procedure of seedProcedures) {
      for (const fee of procedure.version.fees ?? []) {
        if (fee.amountVnd === null) {
          expect(isFree(fee), `${procedure.code} ${fee.asPublished}`).toBe(false);
          expect(fee.asPublished, procedure.code).toMatch(/Hội đồng nhân dân tỉnh/);
        }
      }
    }
  });

  it("charge the judicial record certificate as Circular 244/2016/TT-BTC sets it", () => {
    const record = seedProcedures.find((p) => p.code === "3.000333")!;
    const online = record.version.fees!.filter((f) => f.channel === "online");
    expect(online.map((f) => f.amountVnd)).toEqual([200000, 100000, 5000]);
    expect(record.version.details!.legalBasis).toContain("Thông tư 244/2016/TT-BTC");
    expect(record.version.details!.notes!.vi).toMatch(/Miễn phí cho trẻ em/);
    expect(record.version.details!.notes!.en).toMatch(/100,000 VND for pupils and students/);
  });

  it("charge one person's temporary residence at the desk 15,000 VND (Circular 75/2022/TT-BTC)", () => {
    const temporary = seedProcedures.find((p) => p.code === "1.004194")!;
    expect(temporary.version.fees).toEqual([
      { channel: "online", amountVnd: 7000, asPublished: "7.000 đồng/lần đăng ký" },
      { channel: "desk", amountVnd: 15000, asPublished: "15.000 đồng/lần đăng ký" },
    ]);
  });
});
