import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { procedureAgencies, procedures, procedureVersions } from "@/db/schema/catalog";
import { recordAudit } from "@/lib/audit/service";
import { isSystemAdmin } from "@/lib/identity/adminRules";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { searchable } from "@/lib/text/normalize";
import { detailsSchema, documentSchema, feeSchema, formSchema, timeLimitsSchema } from "./versionSchema";

/*
 * The catalogue as one JSON file: every procedure with the places it is done (agencies by code, so
 * the file fits another installation's agency register) and its published versions (a draft is not
 * exported). Export, import into an empty catalogue and export again gives the same file.
 */

export const catalogueFormat = "vn-one-stop-catalogue";

const versionFileSchema = z.strictObject({
  version: z.number().int().min(1).max(100000),
  current: z.boolean(),
  decisionNo: z.string().max(200).nullable(),
  publishedAt: z.iso.datetime().nullable(),
  changeNote: z.string().max(1000).nullable(),
  timeLimitHours: timeLimitsSchema,
  fees: z.array(feeSchema).max(50),
  documents: z.array(documentSchema).max(100),
  details: detailsSchema,
  form: formSchema,
  /** The agencies that handle a part in turn, by code. */
  handlingChain: z
    .array(z.strictObject({ agency: z.string().min(1).max(40), days: z.number().min(0).max(1000) }))
    .max(20)
    .nullable(),
});

const procedureFileSchema = z.strictObject({
  code: z.string().regex(/^[0-9A-Za-z.\-_]{1,40}$/, "a code of digits, letters and dots"),
  nameVi: z.string().min(1).max(1000),
  nameEn: z.string().min(1).max(1000),
  fieldVi: z.string().min(1).max(500),
  fieldEn: z.string().min(1).max(500),
  level: z.enum(["province", "commune"]),
  onlineLevel: z.enum(["whole", "partial"]),
  searchText: z.string().max(5000),
  popularRank: z.number().int().nullable(),
  audiences: z.array(z.string().max(40)).max(10),
  lifeEvents: z.array(z.string().max(60)).max(30),
  places: z
    .array(z.strictObject({ competent: z.string().min(1).max(40), receiving: z.string().min(1).max(40) }))
    .max(5000),
  versions: z.array(versionFileSchema).min(1).max(1000),
});

export const catalogueFileSchema = z.strictObject({
  format: z.literal(catalogueFormat),
  formatVersion: z.literal(1),
  procedures: z.array(procedureFileSchema).max(20000),
});

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

/** The whole catalogue as the file's object (keys in a fixed order, lists sorted). */
export async function exportCatalogue(actor: Actor): Promise<Result<CatalogueFile, "forbidden">> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  const agencyRows = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const codeOf = new Map(agencyRows.map((a) => [a.id, a.code]));
  const procedureRows = await db.select().from(procedures).orderBy(asc(procedures.code));
  const competent = alias(agencies, "competent");
  const receiving = alias(agencies, "receiving");
  const placeRows = await db
    .select({
      procedureId: procedureAgencies.procedureId,
      competent: competent.code,
      receiving: receiving.code,
    })
    .from(procedureAgencies)
    .innerJoin(competent, eq(competent.id, procedureAgencies.competentAgencyId))
    .innerJoin(receiving, eq(receiving.id, procedureAgencies.receivingAgencyId))
    .orderBy(asc(competent.code), asc(receiving.code));
  const versionRows = await db
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.status, "published"))
    .orderBy(asc(procedureVersions.version));
  const file: CatalogueFile = {
    format: catalogueFormat,
    formatVersion: 1,
    procedures: procedureRows.map((p) => ({
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      fieldVi: p.fieldVi,
      fieldEn: p.fieldEn,
      level: p.level as "province" | "commune",
      onlineLevel: p.onlineLevel as "whole" | "partial",
      searchText: p.searchText,
      popularRank: p.popularRank,
      audiences: p.audiences,
      lifeEvents: p.lifeEvents,
      places: placeRows
        .filter((place) => place.procedureId === p.id)
        .map((place) => ({ competent: place.competent, receiving: place.receiving })),
      versions: versionRows
        .filter((v) => v.procedureId === p.id)
        .map((v) => ({
          version: v.version,
          current: v.isCurrent,
          decisionNo: v.decisionNo,
          publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
          changeNote: v.changeNote,
          timeLimitHours: v.timeLimitHours,
          fees: v.fees,
          documents: v.documents,
          details: v.details,
          form: v.form as CatalogueFile["procedures"][number]["versions"][number]["form"],
          handlingChain: v.handlingChain
            ? v.handlingChain.map((step) => ({
                agency: codeOf.get(step.agencyId) ?? step.agencyId,
                days: step.days,
              }))
            : null,
        })),
    })),
  };
  return ok(file);
}

export type ImportError = "forbidden" | "invalid_file" | "conflict";

/** Messages for the administrator: where in the file, and what is wrong, in plain words. */
function describe(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 50).map((issue) => {
    const where = issue.path
      .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
      .join("")
      .replace(/^\./, "");
    return `${where || "(file)"}: ${issue.message}`;
  });
}

/**
 * Adds the file's procedures to the catalogue, in one transaction: all or nothing. Refused, with
 * the reasons, when the file is not a catalogue, names an agency that is not in the register, or a
 * procedure code the catalogue already has.
 */
export async function importCatalogue(
  actor: Actor,
  input: unknown,
): Promise<
  Result<{ procedures: number; versions: number; codes: string[] }, ImportError> & { problems?: string[] }
> {
  if (!isSystemAdmin(actor) || actor.kind !== "staff") return err("forbidden");
  const parsed = catalogueFileSchema.safeParse(input);
  if (!parsed.success) return { ...err("invalid_file"), problems: describe(parsed.error.issues) };
  const file = parsed.data;
  const problems: string[] = [];
  const codes = new Set<string>();
  const agencyCodes = new Set<string>();
  file.procedures.forEach((p, i) => {
    if (codes.has(p.code)) problems.push(`procedures[${i}].code: ${p.code} appears twice in the file`);
    codes.add(p.code);
    const numbers = p.versions.map((v) => v.version);
    if (new Set(numbers).size !== numbers.length)
      problems.push(`procedures[${i}].versions: ${p.code} has the same version number twice`);
    if (p.versions.filter((v) => v.current).length !== 1)
      problems.push(`procedures[${i}].versions: ${p.code} must have exactly one current version`);
    for (const place of p.places) agencyCodes.add(place.competent).add(place.receiving);
    for (const v of p.versions) for (const step of v.handlingChain ?? []) agencyCodes.add(step.agency);
  });
  if (problems.length > 0) return { ...err("invalid_file"), problems };
  const db = await getDb();
  const known = agencyCodes.size
    ? await db
        .select({ id: agencies.id, code: agencies.code })
        .from(agencies)
        .where(inArray(agencies.code, [...agencyCodes]))
    : [];
  const idOf = new Map(known.map((a) => [a.code, a.id]));
  const missing = [...agencyCodes].filter((code) => !idOf.has(code)).sort();
  if (missing.length > 0)
    return {
      ...err("invalid_file"),
      problems: missing.map((code) => `agency ${code} is not in the agency register`),
    };
  return db.transaction(async (tx) => {
    const existing = codes.size
      ? await tx
          .select({ code: procedures.code })
          .from(procedures)
          .where(inArray(procedures.code, [...codes]))
      : [];
    if (existing.length > 0)
      return {
        ...err("conflict" as const),
        problems: existing.map((row) => `procedure ${row.code} is already in the catalogue`).sort(),
      };
    let versionCount = 0;
    for (const p of file.procedures) {
      const [row] = await tx
        .insert(procedures)
        .values({
          code: p.code,
          nameVi: p.nameVi,
          nameEn: p.nameEn,
          fieldVi: p.fieldVi,
          fieldEn: p.fieldEn,
          level: p.level,
          onlineLevel: p.onlineLevel,
          searchText: p.searchText || searchable([p.nameVi, p.nameEn, p.fieldVi, p.fieldEn].join(" ")),
          popularRank: p.popularRank,
          audiences: p.audiences,
          lifeEvents: p.lifeEvents,
        })
        .returning({ id: procedures.id });
      if (p.places.length > 0)
        await tx.insert(procedureAgencies).values(
          p.places.map((place) => ({
            procedureId: row!.id,
            competentAgencyId: idOf.get(place.competent)!,
            receivingAgencyId: idOf.get(place.receiving)!,
          })),
        );
      await tx.insert(procedureVersions).values(
        p.versions.map((v) => ({
          procedureId: row!.id,
          version: v.version,
          isCurrent: v.current,
          status: "published",
          decisionNo: v.decisionNo,
          publishedAt: v.publishedAt ? new Date(v.publishedAt) : null,
          changeNote: v.changeNote,
          timeLimitHours: v.timeLimitHours,
          fees: v.fees,
          documents: v.documents,
          details: v.details,
          form: v.form as typeof procedureVersions.$inferInsert.form,
          handlingChain: v.handlingChain
            ? v.handlingChain.map((step) => ({ agencyId: idOf.get(step.agency)!, days: step.days }))
            : null,
          createdBy: actor.userId,
        })),
      );
      versionCount += p.versions.length;
    }
    await recordAudit(
      {
        action: "catalogue.imported",
        actorId: actor.userId,
        details: { procedures: file.procedures.length, versions: versionCount },
      },
      tx,
    );
    return ok({ procedures: file.procedures.length, versions: versionCount, codes: [...codes] });
  });
}

/** The file's text: two-space indented JSON with a final newline (diffs well in a repository). */
export function catalogueText(file: CatalogueFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
