import type { YearNotice } from "@/lib/calendar/holidays";

/**
 * What each year's civil-service notice decided (the rest is the law: lib/calendar/holidays.ts).
 * From the project's reference data (calendar-2025-2026.json), which names the notices. 2027 has
 * no notice yet: the seed leaves it empty, and the staff dashboard asks for it.
 */
export const calendarNotices: YearNotice[] = [
  {
    year: 2025,
    source: "Thông báo 6150/TB-BLĐTBXH (03/12/2024)",
    tet: { from: "2025-01-27", to: "2025-01-31" },
    nationalDayAdjacent: "2025-09-01",
    swaps: [{ off: "2025-05-02", work: "2025-04-26" }],
  },
  {
    year: 2026,
    source: "Thông báo 9441/TB-BNV",
    tet: { from: "2026-02-16", to: "2026-02-20" },
    nationalDayAdjacent: "2026-09-01",
    swaps: [
      { off: "2026-01-02", work: "2026-01-10", source: "Công văn 12729/VPCP-KGVX (25/12/2025)" },
      { off: "2026-08-31", work: "2026-08-22" },
    ],
    makeupSources: { "2026-04-27": "Công văn 3383/BNV-CVL" },
  },
];

/** The years the demo seed fills. */
export const seededYears = [2025, 2026] as const;
