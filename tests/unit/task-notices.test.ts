import { describe, expect, it } from "vitest";
import { renderNotice } from "@/lib/notify/templates";
import { parseSource } from "@/lib/tasks/schema";

/* What a task's notices say and where they lead; how the conclusion's address is read. */

const payload = {
  subject: "task",
  code: "NV-2026-0007",
  title: "Rà soát thủ tục hành chính",
  details: { deadline: "2026-12-04T10:00:00.000Z" },
};

describe("task notices", () => {
  it.each([
    ["task.assigned", "vi", "Nhiệm vụ NV-2026-0007: được giao cho bạn", "Mã nhiệm vụ"],
    ["task.due_soon", "vi", "Nhiệm vụ NV-2026-0007: sắp đến hạn", "Thời hạn"],
    ["task.overdue", "en", "Task NV-2026-0007: overdue", "Deadline"],
  ] as const)("%s (%s) names the task, its deadline and links to its page", (kind, lang, subject, label) => {
    const message = renderNotice(
      kind,
      payload,
      { fullName: "Phạm Minh Tuấn", locale: lang, isStaff: true },
      "https://x.example/",
    );
    expect(message.subject).toBe(subject);
    expect(message.link).toBe(`https://x.example/${lang}/workspace/tasks/NV-2026-0007`);
    expect(message.text).toContain(label);
    expect(message.text).toContain("Rà soát thủ tục hành chính");
    // 10:00 UTC is 17:00 in Vietnam, written each language's way.
    expect(message.text).toMatch(/17:00 04\/12\/2026|04\/12\/2026, 17:00/);
    expect(message.html).toContain(`href="${message.link}"`);
    expect(message.text).not.toMatch(/undefined|\{\{|labels\.|kinds\./);
  });
});

describe("the conclusion a task comes from, as the meetings and opinions pages link it", () => {
  const id = "5e0d7a1c-3b7e-4c1a-9d2f-7a0c0b1e7001";
  it.each([
    [`agenda_item:${id}`, { sourceKind: "agenda_item", sourceId: id }],
    [`opinion_form:${id}`, { sourceKind: "opinion_form", sourceId: id }],
    [`meeting:${id}`, null],
    ["agenda_item:not-a-uuid", null],
    [`agenda_item:${id}:extra`, null],
    ["", null],
    [undefined, null],
  ])("%s", (value, expected) => {
    expect(parseSource(value)).toEqual(expected);
  });
});
