import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { dataDir } from "@/db/client";

/**
 * next-auth needs a secret; a deployment sets AUTH_SECRET. For the demo start we make one once and
 * keep it in the data folder, so sessions survive a restart without any set-up.
 */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
