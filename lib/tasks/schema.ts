import { z } from "zod";

/** Messages are keys of the "workspace" namespace (tasks.errors.*), shown as they are by the forms. */
const required = "workspace:tasks.errors.required";
const tooLong = "workspace:tasks.errors.tooLong";

const text = (max: number) => z.string().trim().min(1, required).max(max, tooLong);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

export const sourceKinds = ["agenda_item", "opinion_form"] as const;
export type TaskSourceKind = (typeof sourceKinds)[number];

/** "agenda_item:<uuid>" | "opinion_form:<uuid>", as the meetings and opinions pages link here. */
export function parseSource(value: unknown): { sourceKind: TaskSourceKind; sourceId: string } | null {
  if (typeof value !== "string") return null;
  const [kind, id, ...rest] = value.split(":");
  if (rest.length > 0 || !(sourceKinds as readonly string[]).includes(kind ?? "")) return null;
  if (!z.uuid().safeParse(id).success) return null;
  return { sourceKind: kind as TaskSourceKind, sourceId: id! };
}

const isoDate = z.iso.date("workspace:tasks.errors.date");

export const deadlineSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("date"), date: isoDate }),
  z.object({
    kind: z.literal("working_days"),
    days: z.coerce
      .number("workspace:tasks.errors.days")
      .int("workspace:tasks.errors.days")
      .min(1, "workspace:tasks.errors.days")
      .max(365, "workspace:tasks.errors.days"),
  }),
]);

export const newTaskSchema = z.object({
  title: text(500),
  details: optionalText(4000),
  ownerAgencyId: z.uuid("workspace:tasks.errors.agency"),
  ownerUserId: z
    .uuid(required)
    .nullish()
    .or(z.literal("").transform(() => null)),
  deadline: deadlineSchema,
});
export type NewTaskInput = z.input<typeof newTaskSchema>;

/** The most tasks one post gives (the new-tasks form adds rows up to it). */
export const maxTasksPerPost = 20;

export const createTasksSchema = z.object({
  sourceKind: z.enum(sourceKinds),
  sourceId: z.uuid(),
  tasks: z.array(newTaskSchema).min(1, required).max(maxTasksPerPost),
});
export type CreateTasksInput = z.input<typeof createTasksSchema>;

export const reportSchema = z.object({
  version: z.coerce.number().int().min(1),
  text: text(4000),
  completes: z.boolean().default(false),
  /** What the attached documents are; checked for classified material with their names. */
  documentsNote: optionalText(500),
});
export type ReportInput = z.input<typeof reportSchema>;

export const reassignSchema = z.object({
  version: z.coerce.number().int().min(1),
  ownerAgencyId: z.uuid("workspace:tasks.errors.agency"),
  ownerUserId: z
    .uuid(required)
    .nullish()
    .or(z.literal("").transform(() => null)),
  /** A new deadline, or none to keep it. */
  deadline: deadlineSchema.nullish(),
  reason: optionalText(1000),
});
export type ReassignInput = z.input<typeof reassignSchema>;
