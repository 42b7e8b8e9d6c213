import { z } from "zod";
import { isMonth } from "./rules";

const month = z
  .string()
  .trim()
  .refine((value) => isMonth(value), "errors.month");

/**
 * The transparency filters as the page's GET form and the CSV download send them. Messages are
 * keys in the "reports" namespace. Defaults and the window's length are settled by resolveWindow.
 */
export const transparencyQuerySchema = z.object({
  from: month.optional(),
  to: month.optional(),
  agency: z
    .string()
    .trim()
    .max(40, "errors.agency")
    .regex(/^[0-9A-Za-z.]*$/, "errors.agency")
    .optional(),
});

export type TransparencyQuery = z.infer<typeof transparencyQuerySchema>;

/** Parses a query object; empty strings (a select left on "all") mean "not chosen". */
export function parseTransparencyQuery(raw: Record<string, string | string[] | undefined>) {
  const pick = (key: string) => {
    const value = raw[key];
    const single = Array.isArray(value) ? value[0] : value;
    return single === undefined || single.trim() === "" ? undefined : single;
  };
  return transparencyQuerySchema.safeParse({ from: pick("from"), to: pick("to"), agency: pick("agency") });
}
