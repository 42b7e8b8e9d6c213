import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDossierDetail, performStaffAction } from "@/lib/dossiers/service";
import { expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

let close: () => Promise<void>;
let world: World;

beforeAll(async () => {
  ({ world, close } = await openWorld());
});

afterAll(async () => {
  await close();
});

const internalNote = "Ghi chú nội bộ: người nộp từng bị xử phạt, đề nghị trưởng phòng xem kỹ.";
const assignNote = "Giao gấp cho chuyên viên phụ trách.";
const reasons = "Giấy chứng sinh không khớp với tờ khai.";

describe("the applicant's view of a dossier's history", () => {
  it("never holds the specialist's proposal note, the assignee or the officers, while staff see them", async () => {
    const { applicantA, receiver, head, specialist } = world;
    const filed = await fileDossier(applicantA, "1.001193");
    const code = filed.code!;
    const accepted = expectOk(
      await performStaffAction(receiver, { action: "accept", code, version: filed.version }),
    );
    const assigned = expectOk(
      await performStaffAction(head, {
        action: "assign",
        code,
        version: accepted.version,
        assigneeId: specialist.userId,
        comment: assignNote,
      }),
    );
    const proposed = expectOk(
      await performStaffAction(specialist, {
        action: "propose",
        code,
        version: assigned.version,
        proposal: "deny",
        comment: internalNote,
      }),
    );

    const staff = expectOk(await getDossierDetail(head, { code }));
    expect(staff.events.find((e) => e.action === "propose")).toMatchObject({
      comment: internalNote,
      actorName: specialist.name,
      details: { proposal: "deny" },
    });
    expect(staff.events.find((e) => e.action === "assign")).toMatchObject({
      comment: assignNote,
      details: { assigneeId: specialist.userId },
    });
    expect(staff.dossier.assignee).toEqual({ id: specialist.userId, name: specialist.name });

    const applicant = expectOk(await getDossierDetail(applicantA, { code }));
    // The events are still there: the applicant sees that the dossier moved.
    expect(applicant.events.map((e) => e.action)).toEqual(["propose", "assign", "accept", "submit"]);
    const payload = JSON.stringify(applicant);
    for (const secret of [internalNote, assignNote, specialist.name, specialist.userId, head.name, "deny"]) {
      expect(payload).not.toContain(secret);
    }
    expect(applicant.dossier.assignee).toBe(null);

    // The head's reasons for not approving are addressed to the applicant: they see them.
    expectOk(
      await performStaffAction(head, { action: "deny", code, version: proposed.version, comment: reasons }),
    );
    const decided = expectOk(await getDossierDetail(applicantA, { code }));
    expect(decided.events[0]).toMatchObject({
      action: "deny",
      comment: reasons,
      actorName: null,
      details: { outcome: "denied" },
    });
    expect(JSON.stringify(decided)).not.toContain(internalNote);
  });
});
