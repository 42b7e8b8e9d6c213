import { describe, expect, it } from "vitest";
import { singlePage } from "@/lib/forms/definition";
import { applicantAccess, type Actor } from "@/lib/identity/types";
import { prefillAnswers } from "@/lib/forms/prefill";
import { forBusinesses, invitationState, leavesNoOwner } from "@/lib/organisations/rules";
import { isValidTaxCode, normaliseTaxCode } from "@/lib/forms/validators";

describe("tax code", () => {
  it.each([
    ["0100109106", true],
    ["0101243150", true],
    ["0901234564", true],
    ["0100 109 106", true],
    ["0100109106-001", true],
    ["0100109106001", true],
    ["0100109106-000", false],
    ["0100109107", false],
    ["0901234567", false],
    ["010010910", false],
    ["01001091060", false],
    ["010010910a", false],
    ["", false],
  ])("%s is valid: %s", (code, valid) => {
    expect(isValidTaxCode(code)).toBe(valid);
  });
  it("is stored as the tax authority writes it: a branch after a dash", () => {
    expect(normaliseTaxCode("0100109106001")).toBe("0100109106-001");
  });
});

describe("the last owner", () => {
  const members = [
    { userId: "a", role: "owner" },
    { userId: "b", role: "filer" },
  ];
  it("cannot be removed or demoted while alone", () => {
    expect(leavesNoOwner(members, "a", null)).toBe(true);
    expect(leavesNoOwner(members, "a", "viewer")).toBe(true);
    expect(leavesNoOwner(members, "a", "owner")).toBe(false);
    expect(leavesNoOwner(members, "b", null)).toBe(false);
    expect(leavesNoOwner([...members, { userId: "c", role: "owner" }], "a", null)).toBe(false);
  });
});

describe("an invitation's state", () => {
  const now = new Date("2026-05-04T00:00:00Z");
  const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-05-05T00:00:00Z") };
  it.each([
    [base, "pending"],
    [{ ...base, expiresAt: now }, "expired"],
    [{ ...base, revokedAt: now }, "revoked"],
    [{ ...base, acceptedAt: now, revokedAt: now }, "accepted"],
  ] as const)("%o is %s", (invitation, state) => {
    expect(invitationState(invitation, now)).toBe(state);
  });
});

describe("procedures for businesses", () => {
  it("by audience, or the company, household business and building procedures", () => {
    expect(forBusinesses("9.999", ["citizen", "business"])).toBe(true);
    expect(forBusinesses("2.001583", ["citizen"])).toBe(true);
    expect(forBusinesses("1.001193", ["citizen"])).toBe(false);
  });
});

describe("an applicant's access to a dossier", () => {
  const actor: Actor = {
    kind: "applicant",
    userId: "u",
    name: "U",
    organisationIds: ["o1", "o2"],
    organisations: [
      { id: "o1", role: "filer" },
      { id: "o2", role: "viewer" },
    ],
  };
  it.each([
    [{ applicantId: "u", organisationId: null, status: "draft" }, "act"],
    [{ applicantId: "x", organisationId: null, status: "submitted" }, null],
    [{ applicantId: "x", organisationId: "o1", status: "draft" }, "act"],
    [{ applicantId: "x", organisationId: "o2", status: "submitted" }, "see"],
    [{ applicantId: "x", organisationId: "o2", status: "draft" }, null],
    // Started by them for an organisation they no longer belong to.
    [{ applicantId: "u", organisationId: "o3", status: "submitted" }, null],
  ] as const)("%o: %s", (dossier, access) => {
    expect(applicantAccess(actor, dossier)).toBe(access);
  });
});

describe("prefill", () => {
  const form = singlePage([
    {
      name: "company",
      type: "text",
      label: { vi: "", en: "" },
      required: true,
      prefill: "organisation.name",
    },
    {
      name: "seat",
      type: "address",
      label: { vi: "", en: "" },
      required: true,
      prefill: "organisation.address",
    },
    {
      name: "mst",
      type: "taxCode",
      label: { vi: "", en: "" },
      required: true,
      prefill: "organisation.taxCode",
    },
    { name: "me", type: "text", label: { vi: "", en: "" }, required: true, prefill: "applicant.fullName" },
    { name: "mail", type: "email", label: { vi: "", en: "" }, required: false, prefill: "applicant.email" },
    // An address into a text field is not forced.
    {
      name: "wrong",
      type: "text",
      label: { vi: "", en: "" },
      required: false,
      prefill: "organisation.address",
    },
    { name: "free", type: "text", label: { vi: "", en: "" }, required: false },
  ]);
  it("fills the fields that name a known particular, nothing else", () => {
    expect(
      prefillAnswers(form, {
        organisation: {
          name: "Công ty A",
          taxCode: "0100109106",
          address: { province: "33", commune: "", street: "Số 1" },
          legalRepresentative: null,
        },
        applicant: { fullName: "Nguyễn Văn A", email: null },
      }),
    ).toEqual({
      company: "Công ty A",
      seat: { province: "33", street: "Số 1" },
      mst: "0100109106",
      me: "Nguyễn Văn A",
    });
    expect(prefillAnswers(form, { applicant: { fullName: "B" } })).toEqual({ me: "B" });
  });
});
