import { describe, expect, it } from "vitest";
import { agencyRolesFor, inboxRowsFor, noticeAgencyId, type WrittenNotice } from "@/lib/notify/inboxRules";

const agency = "a0000000-0000-4000-8000-000000000001";
const other = "a0000000-0000-4000-8000-000000000002";
const dossierId = "d0000000-0000-4000-8000-000000000001";

const notice = (over: Partial<WrittenNotice>): WrittenNotice => ({
  outboxId: 1,
  recipientId: null,
  kind: "dossier.submitted",
  payload: { dossierId, code: "C-1", agencyId: agency },
  ...over,
});

describe("who finds a notice in their inbox", () => {
  it("names the roles that act on each agency-wide kind, and every casework role otherwise", () => {
    expect(agencyRolesFor("dossier.submitted")).toEqual(["receiver"]);
    expect(agencyRolesFor("dossier.proposed")).toEqual(["head"]);
    expect(agencyRolesFor("dossier.withdrawn")).toEqual(["receiver", "specialist", "head", "agency_admin"]);
    expect(agencyRolesFor("something.new")).not.toContain("system_admin");
  });

  it("reads the agency only from a notice without a recipient", () => {
    expect(noticeAgencyId(notice({}))).toBe(agency);
    expect(noticeAgencyId(notice({ recipientId: "u1" }))).toBeNull();
    expect(noticeAgencyId(notice({ payload: { agencyId: 42 } }))).toBeNull();
  });

  it("gives a person's notice to them only when they want the inbox", () => {
    const rows = inboxRowsFor(
      [notice({ outboxId: 7, recipientId: "u1", kind: "dossier.accepted" }), notice({ recipientId: "u2" })],
      { userIds: ["u1"], staff: [] },
    );
    expect(rows).toEqual([
      {
        recipientId: "u1",
        outboxId: 7,
        kind: "dossier.accepted",
        payload: { dossierId, code: "C-1", agencyId: agency },
        dossierId,
      },
    ]);
  });

  it("fans an agency's notice out to its staff in the right roles, once each", () => {
    const rows = inboxRowsFor([notice({}), notice({ outboxId: 2 })], {
      userIds: [],
      staff: [
        { agencyId: agency, userId: "desk", role: "receiver" },
        { agencyId: agency, userId: "desk", role: "head" },
        { agencyId: agency, userId: "spec", role: "specialist" },
        { agencyId: other, userId: "elsewhere", role: "receiver" },
        { agencyId: agency, userId: "sys", role: "system_admin" },
      ],
    });
    expect(rows.map((row) => [row.recipientId, row.outboxId])).toEqual([["desk", 1]]);
  });

  it("does not tell whoever made the change", () => {
    const audience = {
      userIds: ["applicant"],
      staff: [
        { agencyId: agency, userId: "desk", role: "receiver" },
        { agencyId: agency, userId: "colleague", role: "receiver" },
      ],
    };
    const notices = [notice({}), notice({ outboxId: 2, recipientId: "applicant", kind: "dossier.accepted" })];
    expect(inboxRowsFor(notices, audience, "desk").map((row) => row.recipientId)).toEqual([
      "colleague",
      "applicant",
    ]);
    expect(inboxRowsFor(notices, audience, "applicant").map((row) => row.recipientId)).toEqual([
      "desk",
      "colleague",
    ]);
  });
});
