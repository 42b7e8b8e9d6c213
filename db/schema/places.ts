import { index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The provinces and communes (administrative units in force since 1 July 2025), for address answers.
 * Codes per Decision 19/2025/QĐ-TTg.
 */
export const administrativeUnits = pgTable(
  "administrative_units",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** province | commune */
    level: text("level").notNull(),
    /** "Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu" */
    kind: text("kind").notNull(),
    /** A commune's province; null for a province. */
    provinceCode: text("province_code"),
  },
  (t) => [index("administrative_units_province_idx").on(t.provinceCode, t.name)],
);
