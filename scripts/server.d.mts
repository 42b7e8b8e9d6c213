// Types for server.mjs (plain JavaScript: it runs Next, outside Next's bundler).
import type { IncomingMessage, ServerResponse } from "node:http";
export function holdHtml<T extends ServerResponse>(req: IncomingMessage, res: T): T;
