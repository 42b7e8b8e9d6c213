import { describe, expect, it } from "vitest";
import { deferrable, openForSpeakers, reasonProblem } from "@/lib/meetings/agendaRules";
import { withdrawableStatuses } from "@/lib/meetings/opinionRules";
import { isStale, seenVersion, unguardedOps } from "@/lib/meetings/staleness";
import { isNoticeKind, noticeLink, noticeSubject, noticeSubjectKind } from "@/lib/notify/templates";

describe("the meeting's version guard", () => {
  it("guards the secretary's and the chair's posts, not a member's own answer", () => {
    for (const op of ["add_item", "move_up", "publish", "cancel", "defer", "open_vote", "close_session"])
      expect(seenVersion(op, "7"), op).toEqual({ version: 7 });
    for (const op of ["respond", "check_in", "vote", "comment", "speak", "withdraw_speak", "send_dossier"]) {
      expect(unguardedOps.has(op), op).toBe(true);
      expect(seenVersion(op, "7"), op).toEqual({});
    }
  });

  it.each([
    [{ version: 3 }, 3, false],
    [{ version: 2 }, 3, true],
    [{ version: 4 }, 3, true],
    [{}, 3, false],
    [undefined, 3, false],
  ])("seen %o at version %i: stale %s", (seen, current, stale) => {
    expect(isStale(seen, current)).toBe(stale);
  });

  it("takes a missing or garbled version of a guarded form as stale", () => {
    for (const raw of ["", null, undefined, "abc", "1.5", "-1", "1e3", "9999999999"])
      expect(isStale(seenVersion("publish", raw), 1), String(raw)).toBe(true);
  });
});

describe("agenda rules", () => {
  it.each([
    ["pending", true, true],
    ["discussing", true, true],
    ["voting", false, true],
    ["decided", false, false],
    ["deferred", false, false],
  ])("an item %s: deferrable %s, open for speakers %s", (status, defer, speak) => {
    expect(deferrable(status)).toBe(defer);
    expect(openForSpeakers(status)).toBe(speak);
  });

  it("wants a reason, not too long", () => {
    expect(reasonProblem("   ")).toBe("errors.required");
    expect(reasonProblem("x".repeat(2001))).toBe("errors.tooLong");
    expect(reasonProblem(" Chủ tịch đi công tác ")).toBeNull();
  });

  it("withdraws an opinion form until it closes", () => {
    expect([...withdrawableStatuses].sort()).toEqual(["awaiting_approval", "draft", "open"]);
  });
});

describe("workspace notices", () => {
  it("name what they are about: a meeting, an opinion form, a task, else a dossier", () => {
    expect(noticeSubjectKind("meeting.cancelled", { code: "HOP-2026-0001" })).toBe("meeting");
    expect(noticeSubjectKind("meeting.published", { code: "HOP-2026-0001" })).toBe("meeting");
    expect(noticeSubjectKind("opinion.withdrawn", { code: "PYK-2026-0001" })).toBe("opinion");
    expect(noticeSubjectKind("task.assigned", { subject: "task", code: "NV-1" })).toBe("task");
    expect(noticeSubjectKind("dossier.committee_concluded", { code: "000.00.02.H33" })).toBe("dossier");
  });

  it("words a cancelled meeting and a withdrawn form in both languages, linking to their pages", () => {
    expect(isNoticeKind("meeting.cancelled") && isNoticeKind("opinion.withdrawn")).toBe(true);
    expect(noticeSubject("meeting.cancelled", { code: "HOP-2026-0001" }, "vi")).toBe(
      "Cuộc họp HOP-2026-0001: đã hủy",
    );
    expect(noticeSubject("meeting.cancelled", { code: "HOP-2026-0001" }, "en")).toBe(
      "Meeting HOP-2026-0001: cancelled",
    );
    expect(noticeSubject("opinion.withdrawn", { code: "PYK-2026-0001" }, "en")).toBe(
      "Opinion form PYK-2026-0001: withdrawn",
    );
    const recipient = { locale: "en" as const, isStaff: true, fullName: null };
    expect(
      noticeLink(
        { code: "HOP-2026-0001", link: "/workspace/meetings/7c1b8a52-0f3e-4d8e-9a61-2f4b1d0c9e11" },
        recipient as never,
        "https://portal.example",
      ),
    ).toBe("https://portal.example/en/workspace/meetings/7c1b8a52-0f3e-4d8e-9a61-2f4b1d0c9e11");
  });
});
