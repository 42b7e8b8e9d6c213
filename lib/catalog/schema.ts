import { z } from "zod";
import { audiences, lifeEventSlugs, onlineLevels } from "./lifeEvents";

/** One of these values, or "" (no filter) for anything else. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).or(z.literal("")).catch("").default("");

/** The catalogue's GET form. A bad value is dropped rather than refused: a search never fails. */
export const catalogueQuerySchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  field: z.string().trim().max(200).catch("").default(""),
  agency: z.string().trim().max(40).catch("").default(""),
  audience: oneOf(audiences),
  online: oneOf(onlineLevels),
  event: oneOf(lifeEventSlugs),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type CatalogueQueryInput = z.infer<typeof catalogueQuerySchema>;

/** Reads Next's searchParams (a repeated parameter keeps its first value). */
export function parseCatalogueQuery(raw: Record<string, string | string[] | undefined>): CatalogueQueryInput {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return catalogueQuerySchema.parse({
    q: first(raw.q),
    field: first(raw.field),
    agency: first(raw.agency),
    audience: first(raw.audience),
    online: first(raw.online),
    event: first(raw.event),
    page: first(raw.page),
  });
}
