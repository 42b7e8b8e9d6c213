import { describe, expect, it } from "vitest";
import { rowIssues, taskRowNames, tasksFromRows } from "@/lib/tasks/formRows";

/** The new-tasks form's post: several tasks in one, "tasks.<row>.<field>". */
describe("tasksFromRows", () => {
  const row = (n: number, fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([key, value]) => [`tasks.${n}.${key}`, value]));

  it("reads every filled row, with its officer and deadline", () => {
    const values = {
      ...row(0, {
        title: "Hoàn thiện dự thảo",
        ownerAgencyId: "a",
        ownerUserId: "a:u1",
        deadlineKind: "date",
        deadlineDate: "2026-12-31",
      }),
      ...row(1, { title: "Báo cáo", ownerAgencyId: "b", deadlineKind: "working_days", deadlineDays: "5" }),
    };
    expect(tasksFromRows(values, 2)).toEqual([
      {
        row: 0,
        task: {
          title: "Hoàn thiện dự thảo",
          details: "",
          ownerAgencyId: "a",
          ownerUserId: "u1",
          deadline: { kind: "date", date: "2026-12-31" },
        },
      },
      {
        row: 1,
        task: {
          title: "Báo cáo",
          details: "",
          ownerAgencyId: "b",
          ownerUserId: null,
          deadline: { kind: "working_days", days: "5" },
        },
      },
    ]);
  });

  it("skips a wholly empty row (its radio aside), and gives the first when none is filled", () => {
    const values = {
      ...row(0, { deadlineKind: "date" }),
      ...row(1, { title: "Báo cáo", deadlineKind: "date" }),
      ...row(2, { deadlineKind: "working_days" }),
    };
    expect(tasksFromRows(values, 3).map((entry) => entry.row)).toEqual([1]);
    expect(tasksFromRows({}, 2).map((entry) => entry.row)).toEqual([0]);
  });

  it("names every field of every row", () => {
    expect(taskRowNames(2)).toHaveLength(14);
    expect(taskRowNames(2)).toContain("tasks.1.deadlineDays");
  });
});

describe("rowIssues", () => {
  it("puts the service's messages on the rows they came from", () => {
    expect(
      rowIssues(
        {
          "tasks.0.title": ["required"],
          "tasks.1.ownerUserId": ["officer"],
          "tasks.1.deadline.kind": ["deadline"],
          tasks: ["tooMany"],
        },
        [1, 3],
      ),
    ).toEqual({
      "tasks.1.title": ["required"],
      "tasks.3.ownerUserId": ["officer"],
      "tasks.3.deadline": ["deadline"],
      form: ["tooMany"],
    });
  });
});
