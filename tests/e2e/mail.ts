import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/*
 * The messages the test SMTP server of scripts/e2e-server.mjs received, each saved whole as
 * <data dir>/smtp-inbox/<n>.eml.
 */
const inbox = path.resolve(process.env.PORTAL_DATA_DIR || ".data-e2e", "smtp-inbox");

export async function receivedMail(): Promise<ParsedMail[]> {
  if (!fs.existsSync(inbox)) return [];
  const files = fs
    .readdirSync(inbox)
    .filter((name) => name.endsWith(".eml"))
    .sort();
  return Promise.all(files.map(async (name) => simpleParser(fs.readFileSync(path.join(inbox, name)))));
}

/** Waits for the messages that match, then a moment more so that a second copy would show too. */
export async function waitForMail(
  matches: (mail: ParsedMail) => boolean,
  options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<ParsedMail[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const found = (await receivedMail()).filter(matches);
    if (found.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 1_500));
      return (await receivedMail()).filter(matches);
    }
    if (Date.now() > deadline) throw new Error(`no matching e-mail in ${inbox} after the wait`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The address a message went to. */
export const recipientOf = (mail: ParsedMail): string =>
  (Array.isArray(mail.to) ? mail.to.map((to) => to.text).join(", ") : mail.to?.text) ?? "";
