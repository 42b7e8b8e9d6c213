import type { ProcedureTags } from "@/lib/catalog/service";

/**
 * Who files each of the 12 demo procedures and the life events it belongs to (lib/catalog/lifeEvents.ts),
 * written into procedures.audiences and life_events by the seed (db/seed/lifeEvents.ts). A business
 * files in its own name the registrations of its company and, like a person, a building permit or a
 * certified copy; a household business is registered by the person who runs it.
 */
export const demoProcedureTags: Record<string, ProcedureTags> = {
  // Thủ tục đăng ký khai sinh; a newborn is then registered at the family's permanent residence.
  "1.001193": { audiences: ["citizen"], lifeEvents: ["birth"] },
  "1.000894": { audiences: ["citizen"], lifeEvents: ["marriage"] },
  // Giấy xác nhận tình trạng hôn nhân: asked before marrying, and by employers abroad.
  "1.004873": { audiences: ["citizen"], lifeEvents: ["marriage", "work-abroad"] },
  "1.000656": { audiences: ["citizen"], lifeEvents: ["death"] },
  "3.000333": { audiences: ["citizen"], lifeEvents: ["work-abroad"] },
  "2.000815": { audiences: ["citizen", "business"], lifeEvents: ["work-abroad"] },
  "1.001612": { audiences: ["citizen"], lifeEvents: ["business-start"] },
  "1.013225": { audiences: ["citizen", "business"], lifeEvents: ["building"] },
  "1.004222": { audiences: ["citizen"], lifeEvents: ["residence", "birth"] },
  "1.004194": { audiences: ["citizen"], lifeEvents: ["residence"] },
  "2.001610": { audiences: ["business"], lifeEvents: ["business-start"] },
  "2.001583": { audiences: ["business"], lifeEvents: ["business-start"] },
};
