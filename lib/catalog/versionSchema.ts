/**
 * The shape of a procedure version's content, checked with zod wherever it comes in from outside
 * the code: the draft editor's posts and the catalogue file an administrator imports.
 */
import { z } from "zod";
import { fieldTypes, type FormDefinition } from "@/lib/forms/types";
import type { Fee, ProcedureDetails, RequiredDocument, TimeLimits } from "./types";
import { hoursPerWorkingDay } from "@/lib/calendar/rules";

export const localisedSchema = z.strictObject({ vi: z.string().max(50000), en: z.string().max(50000) });
const channelSchema = z.enum(["online", "desk", "post"]);

export const timeLimitsSchema = z.strictObject({
  online: z.number().int().min(0).max(100000).nullable(),
  desk: z.number().int().min(0).max(100000).nullable(),
  post: z.number().int().min(0).max(100000).nullable(),
});

export const feeSchema = z.strictObject({
  channel: channelSchema,
  amountVnd: z.number().int().min(0).max(1e12).nullable(),
  asPublished: z.string().max(2000),
});

export const documentSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,60}$/),
  name: localisedSchema,
  description: localisedSchema.optional(),
  required: z.boolean(),
  originals: z.number().int().min(0).max(100),
  copies: z.number().int().min(0).max(100),
});

export const detailsSchema = z.strictObject({
  targetGroups: z.array(localisedSchema).max(50),
  channels: z.array(channelSchema).max(3),
  result: localisedSchema,
  legalBasis: z.array(z.string().max(2000)).max(100),
  sourceUrl: z.string().max(2000).optional(),
  notes: localisedSchema.optional(),
});

export const handlingStepSchema = z.strictObject({ agencyId: z.string(), days: z.number().min(0).max(1000) });

const conditionSchema = z.strictObject({
  field: z.string().max(60),
  in: z.array(z.string().max(200)).max(100),
});
const optionSchema = z.strictObject({ value: z.string().max(200), label: localisedSchema });

const fieldShape = {
  name: z.string().max(60),
  type: z.enum(fieldTypes as [string, ...string[]]),
  label: localisedSchema,
  hint: localisedSchema.optional(),
  required: z.boolean(),
  showIf: conditionSchema.optional(),
  prefill: z
    .enum([
      "organisation.name",
      "organisation.taxCode",
      "organisation.address",
      "organisation.legalRepresentative",
      "applicant.fullName",
      "applicant.idNumber",
      "applicant.phone",
      "applicant.email",
    ])
    .optional(),
  messages: z.record(z.string(), localisedSchema).optional(),
  options: z.array(optionSchema).max(300).optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(0).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  notInFuture: z.boolean().optional(),
  mobileOnly: z.boolean().optional(),
  personal: z.enum(["name", "address"]).optional(),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(0).optional(),
  itemLabel: localisedSchema.optional(),
  documentKey: z.string().max(60).optional(),
};
const childFieldSchema = z.strictObject(fieldShape);
export const fieldSchema = z.strictObject({
  ...fieldShape,
  fields: z.array(childFieldSchema).max(100).optional(),
});

export const formSchema = z.strictObject({
  sections: z
    .array(z.strictObject({ id: z.string().max(40), title: localisedSchema }))
    .max(50)
    .optional(),
  pages: z
    .array(
      z.strictObject({
        id: z.string().max(40),
        title: localisedSchema,
        hint: localisedSchema.optional(),
        section: z.string().max(40).optional(),
        showIf: conditionSchema.optional(),
        fields: z.array(fieldSchema).max(200),
      }),
    )
    .max(200),
});

/** What an administrator edits in a draft besides its form. */
export type DraftContent = {
  decisionNo: string | null;
  timeLimitHours: TimeLimits;
  fees: Fee[];
  documents: RequiredDocument[];
  details: ProcedureDetails;
};

// The casts tie the schemas to the types the rest of the portal uses; a drift fails to compile here.
export const typedForm = (value: z.infer<typeof formSchema>) => value as FormDefinition;

/** The draft editor's inputs. */
export const contentInputs = [
  "decisionNo",
  "onlineDays",
  "deskDays",
  "postDays",
  "fees",
  "documents",
  "resultVi",
  "resultEn",
  "notesVi",
  "notesEn",
  "targetGroups",
  "legalBasis",
  "channels",
  "sourceUrl",
] as const;

const lines = (raw: string | undefined) =>
  (raw ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const cells = (line: string) => line.split("|").map((cell) => cell.trim());

function daysText(hours: number | null): string {
  if (hours === null) return "";
  return String(Math.round((hours / hoursPerWorkingDay) * 10) / 10);
}

/** A version's content as the draft editor's inputs show it. */
export function contentValues(content: DraftContent): Record<string, string> {
  const d = content.details;
  return {
    decisionNo: content.decisionNo ?? "",
    onlineDays: daysText(content.timeLimitHours.online),
    deskDays: daysText(content.timeLimitHours.desk),
    postDays: daysText(content.timeLimitHours.post),
    fees: content.fees.map((f) => `${f.channel} | ${f.amountVnd ?? ""} | ${f.asPublished}`).join("\n"),
    documents: content.documents
      .map(
        (doc) =>
          `${doc.key} | ${doc.required ? "yes" : "no"} | ${doc.originals} | ${doc.copies} | ${doc.name.vi} | ${doc.name.en}`,
      )
      .join("\n"),
    resultVi: d.result.vi,
    resultEn: d.result.en,
    notesVi: d.notes?.vi ?? "",
    notesEn: d.notes?.en ?? "",
    targetGroups: d.targetGroups.map((g) => `${g.vi} | ${g.en}`).join("\n"),
    legalBasis: d.legalBasis.join("\n"),
    channels: d.channels.join(", "),
    sourceUrl: d.sourceUrl ?? "",
  };
}

/**
 * The draft editor's post as content, or message keys (admin:procedures.errors) per input. A
 * document's long description is kept from `previous` by its key (the editor shows titles only).
 */
export function contentFromInput(
  values: Record<string, string>,
  previous: DraftContent,
): { ok: true; content: DraftContent } | { ok: false; issues: Record<string, string[]> } {
  const issues: Record<string, string[]> = {};
  const problem = (input: string, key: string) =>
    (issues[input] ??= []).includes(key) ? null : issues[input]!.push(key);
  const hours = (input: string): number | null => {
    const raw = (values[input] ?? "").trim().replace(",", ".");
    if (!raw) return null;
    const days = Number(raw);
    if (!/^\d{1,4}(\.\d)?$/.test(raw) || !Number.isFinite(days)) {
      problem(input, "daysFormat");
      return null;
    }
    return Math.round(days * hoursPerWorkingDay);
  };
  const channels = (values.channels ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  if (channels.some((c) => !["online", "desk", "post"].includes(c))) problem("channels", "channelsFormat");
  const fees: Fee[] = [];
  for (const line of lines(values.fees)) {
    const [channel, amount, asPublished, ...rest] = cells(line);
    const parsedAmount = amount ? Number(amount.replace(/[.\s]/g, "")) : null;
    if (
      rest.length > 0 ||
      !["online", "desk", "post"].includes(channel ?? "") ||
      (parsedAmount !== null && !Number.isSafeInteger(parsedAmount)) ||
      (parsedAmount !== null && parsedAmount < 0) ||
      asPublished === undefined
    ) {
      problem("fees", "feeLine");
      continue;
    }
    fees.push({ channel: channel as Fee["channel"], amountVnd: parsedAmount, asPublished });
  }
  const documents: RequiredDocument[] = [];
  for (const line of lines(values.documents)) {
    const [key, required, originals, copies, vi, en, ...rest] = cells(line);
    if (
      rest.length > 0 ||
      !/^[a-z0-9_]{1,60}$/.test(key ?? "") ||
      !["yes", "no"].includes(required ?? "") ||
      !/^\d{1,2}$/.test(originals ?? "") ||
      !/^\d{1,2}$/.test(copies ?? "") ||
      !vi ||
      !en
    ) {
      problem("documents", "documentLine");
      continue;
    }
    if (documents.some((doc) => doc.key === key)) problem("documents", "documentKeyTaken");
    const kept = previous.documents.find((doc) => doc.key === key)?.description;
    documents.push({
      key: key!,
      name: { vi, en },
      ...(kept ? { description: kept } : {}),
      required: required === "yes",
      originals: Number(originals),
      copies: Number(copies),
    });
  }
  const targetGroups = lines(values.targetGroups).map((line) => {
    const [vi = "", en = ""] = cells(line);
    if (!vi || !en) problem("targetGroups", "pairLine");
    return { vi, en };
  });
  const resultVi = (values.resultVi ?? "").trim();
  const resultEn = (values.resultEn ?? "").trim();
  if (!resultVi) problem("resultVi", "resultMissing");
  if (!resultEn) problem("resultEn", "resultMissing");
  const notesVi = (values.notesVi ?? "").trim();
  const notesEn = (values.notesEn ?? "").trim();
  if (Boolean(notesVi) !== Boolean(notesEn)) problem(notesVi ? "notesEn" : "notesVi", "hintHalf");
  const sourceUrl = (values.sourceUrl ?? "").trim();
  if (sourceUrl && !/^https:\/\/\S+$/.test(sourceUrl)) problem("sourceUrl", "urlFormat");
  const timeLimitHours = { online: hours("onlineDays"), desk: hours("deskDays"), post: hours("postDays") };
  const decisionNo = (values.decisionNo ?? "").trim();
  if (decisionNo.length > 200) problem("decisionNo", "tooLong");
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  const details: ProcedureDetails = {
    targetGroups,
    channels: channels as ProcedureDetails["channels"],
    result: { vi: resultVi, en: resultEn },
    legalBasis: lines(values.legalBasis),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(notesVi ? { notes: { vi: notesVi, en: notesEn } } : {}),
  };
  return { ok: true, content: { decisionNo: decisionNo || null, timeLimitHours, fees, documents, details } };
}
