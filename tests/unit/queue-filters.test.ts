import { describe, expect, it } from "vitest";
import { parseBulkItem } from "@/lib/dossiers/bulkAssign";
import { hasFilters, parseQueueSearch, parseQueueView, queueViewParams } from "@/lib/dossiers/queueFilters";
import { readBulkReport, bulkOutcomeParams } from "@/components/staff/bulkOutcome";

const procedure = "c0000000-0000-4000-8000-00000000000a";
const officer = "b0000000-0000-4000-8000-00000000000b";

describe("the queue's view from GET parameters", () => {
  it("defaults to the new tab, by appointment date, unfiltered", () => {
    const view = parseQueueView({});
    expect(view).toEqual({ bucket: "new", sort: "due" });
    expect(hasFilters(view)).toBe(false);
    expect(queueViewParams(view).toString()).toBe("");
  });

  it("reads every filter and writes the same link back", () => {
    const query = {
      bucket: "overdue",
      sort: "submitted",
      procedure,
      status: "in_progress",
      channel: "desk",
      from: "2026-05-01",
      to: "2026-05-31",
      officer,
      q: "Nguyễn Văn",
    };
    const view = parseQueueView(query);
    expect(view).toMatchObject({
      bucket: "overdue",
      sort: "submitted",
      procedureId: procedure,
      status: "in_progress",
      channel: "desk",
      from: "2026-05-01",
      to: "2026-05-31",
      assigneeId: officer,
      q: "Nguyễn Văn",
      search: { kind: "name", words: ["nguyen", "van"] },
    });
    expect(Object.fromEntries(queueViewParams(view))).toEqual(query);
    expect(queueViewParams(view, { bucket: "new" }).has("bucket")).toBe(false);
  });

  it("leaves out what does not parse instead of failing", () => {
    const view = parseQueueView({
      bucket: "archived",
      sort: "random",
      procedure: "1 or 1=1",
      status: "draft",
      channel: "fax",
      from: "2026-02-30",
      to: "yesterday",
      officer: ["a", "b"],
      q: "   ",
    });
    expect(view).toEqual({ bucket: "new", sort: "due" });
  });

  it("swaps a date range typed backwards", () => {
    expect(parseQueueView({ from: "2026-05-31", to: "2026-05-01" })).toMatchObject({
      from: "2026-05-01",
      to: "2026-05-31",
    });
  });
});

describe("the search box", () => {
  it("recognises a dossier code, an ID number and names", () => {
    expect(parseQueueSearch("000.00.01.h50-260501-0001")).toEqual({
      kind: "code",
      code: "000.00.01.H50-260501-0001",
    });
    expect(parseQueueSearch("001 203 004 567")).toEqual({ kind: "idNumber", idNumber: "001203004567" });
    // 11 digits is not an ID number: searched as a name (finds nothing, never an error).
    expect(parseQueueSearch("00120300456")).toEqual({ kind: "name", words: ["00120300456"] });
    expect(parseQueueSearch("  TRẦN   thị Đào ")).toEqual({ kind: "name", words: ["tran", "thi", "dao"] });
    expect(parseQueueSearch("")).toBeUndefined();
  });
});

describe("bulk assign's posted rows and its report", () => {
  it("reads code@version and nothing else", () => {
    expect(parseBulkItem("000.00.01.H50-260501-0001@3")).toEqual({
      code: "000.00.01.H50-260501-0001",
      version: 3,
    });
    for (const bad of ["x", "x@0", "x@-1", "@3", "a b@2", 5, null]) expect(parseBulkItem(bad)).toBeNull();
  });

  it("round-trips the outcome through the address", () => {
    const params = bulkOutcomeParams([
      { code: "A-260501-0001", ok: true },
      { code: "A-260501-0002", ok: false, error: "conflict" },
    ]);
    expect(readBulkReport({ bulk: "done", ...params })).toEqual({
      kind: "done",
      assigned: ["A-260501-0001"],
      failed: [{ code: "A-260501-0002", error: "conflict" }],
    });
    expect(readBulkReport({ bulk: "done", failed: "<script>:x" })).toEqual({
      kind: "done",
      assigned: [],
      failed: [],
    });
    expect(readBulkReport({ bulk: "none" })).toEqual({ kind: "none" });
    expect(readBulkReport({})).toBeNull();
  });
});
