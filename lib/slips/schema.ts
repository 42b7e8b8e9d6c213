import * as z from "zod/mini";
import { lookupSchema } from "@/lib/dossiers/schema";
import { slipNumbers } from "./rules";

/** A slip's address: the dossier's code (as the lookup takes it), the slip's number, the language. */
export const slipRequestSchema = z.object({
  code: lookupSchema.shape.code,
  slip: z.enum(slipNumbers, "errors.slip"),
  lang: z._default(z.enum(["vi", "en"], "errors.lang"), "vi"),
});

/** The register's query: the agency's code and the period (checked further by rules.registerPeriod). */
export const registerRequestSchema = z.object({
  agency: z.string().check(z.trim(), z.minLength(1, "register.errors.agencyRequired"), z.maxLength(40)),
  lang: z._default(z.enum(["vi", "en"], "errors.lang"), "vi"),
});
