/**
 * Imported first by every schema module that runs in the browser (lib/identity/schema.ts,
 * lib/dossiers/schema.ts, lib/forms/schema.ts), before they build a schema.
 *
 * zod 4 probes `new Function("")` when it builds its first object schema, to compile fast parsers.
 * The content security policy (next.config.ts) forbids eval, so in the browser the probe only
 * reports a violation; there zod parses without it. The server keeps the compiled parsers.
 * (zod/mini and zod share this setting; mini keeps the browser's share of zod small.)
 */
import * as z from "zod/mini";

if (typeof window !== "undefined") z.config({ jitless: true });
