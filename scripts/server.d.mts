// Types for server.mjs (plain JavaScript: it runs Next, outside Next's bundler).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PageCopies } from "../lib/http/pageCopies.mjs";
export function holdHtml<T extends ServerResponse>(
  req: IncomingMessage,
  res: T,
  sent?: (statusCode: number, body: Buffer) => void,
): T;
export function pageCopyHandler(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  copies: PageCopies,
): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
