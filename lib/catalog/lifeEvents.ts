/*
 * Life events (sự kiện cuộc sống): the moments people come to the portal for, each gathering the
 * procedures it takes, as the national portal and GOV.UK's step-by-step pages do. A fixed list: its
 * order is the order of the life events page. Titles, one-sentence descriptions and the intro of
 * each event's page are in locales/{vi,en}/catalog.json under lifeEvents.items.<slug>.
 *
 * Procedures carry the slugs of their events in procedures.life_events, and who may file them in
 * procedures.audiences (the seed's mapping: db/seed/data/lifeEvents.ts).
 */

export const lifeEventSlugs = [
  "birth",
  "marriage",
  "residence",
  "death",
  "business-start",
  "building",
  "work-abroad",
] as const;

export type LifeEventSlug = (typeof lifeEventSlugs)[number];

export function isLifeEvent(value: string): value is LifeEventSlug {
  return (lifeEventSlugs as readonly string[]).includes(value);
}

/** Who files a procedure: a private person, or a business or other organisation. */
export const audiences = ["citizen", "business"] as const;
export type Audience = (typeof audiences)[number];

export function isAudience(value: string): value is Audience {
  return (audiences as readonly string[]).includes(value);
}

/** Decree 42/2022's online levels, as the catalogue's filter offers them. */
export const onlineLevels = ["whole", "partial"] as const;
export type OnlineLevel = (typeof onlineLevels)[number];

/** The i18n keys (catalog namespace) of an event's texts. */
export const lifeEventText = (slug: LifeEventSlug) =>
  ({
    title: `lifeEvents.items.${slug}.title`,
    description: `lifeEvents.items.${slug}.description`,
    intro: `lifeEvents.items.${slug}.intro`,
  }) as const;
