/**
 * Imported first by every schema module that runs in the browser (lib/identity/schema.ts,
 * lib/dossiers/schema.ts, lib/forms/schema.ts), before they build a schema.
 *
 * zod 4 probes `new Function("")` when it builds its first object schema, to compile fast parsers.
 * The content security policy (next.config.ts) forbids eval, so in the browser the probe only
 * reports a violation; there zod parses without it. The server keeps the compiled parsers.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
