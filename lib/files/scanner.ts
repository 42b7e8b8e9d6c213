/**
 * The malware check of uploaded files behind one interface. A clamd daemon when CLAMD_HOST is set
 * (its INSTREAM command over TCP, written here: a few lines of a documented protocol); otherwise
 * the pass-through scanner, which finds every file clean at once.
 */
import net from "node:net";

export type ScanVerdict = { status: "clean" } | { status: "rejected"; reason: string };

export interface Scanner {
  /** "clamd" or "none" (pass-through) */
  readonly name: string;
  /** Whether files wait for a verdict (pending) before staff are served them. */
  readonly active: boolean;
  /** The verdict on the bytes; throws when the scanner cannot answer (the file stays pending). */
  scan(bytes: Uint8Array): Promise<ScanVerdict>;
}

export const passThroughScanner: Scanner = {
  name: "none",
  active: false,
  async scan() {
    return { status: "clean" };
  },
};

export type ClamdSettings = { host: string; port: number; timeoutMs?: number };

/** clamd's default StreamMaxLength is 25 MB; chunks well under it. */
const chunkBytes = 64 * 1024;

/**
 * clamd's INSTREAM: "zINSTREAM\0", then the bytes as chunks each led by its length (4 bytes, big
 * endian), then a zero length; clamd answers one line, "stream: OK", "stream: <name> FOUND" or
 * "<message> ERROR", ended by NUL.
 */
export function clamdScanner(settings: ClamdSettings): Scanner {
  const timeoutMs = settings.timeoutMs ?? 30_000;
  return {
    name: "clamd",
    active: true,
    scan(bytes) {
      return new Promise<ScanVerdict>((resolve, reject) => {
        const socket = net.createConnection({ host: settings.host, port: settings.port });
        const answer: Buffer[] = [];
        let settled = false;
        const finish = (error: Error | null, verdict?: ScanVerdict) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          if (error) reject(error);
          else resolve(verdict!);
        };
        socket.setTimeout(timeoutMs, () => finish(new Error("clamd: no answer in time")));
        socket.on("error", (error) => finish(error));
        socket.on("data", (chunk) => {
          answer.push(chunk);
          if (chunk.includes(0)) socket.end();
        });
        socket.on("close", () => {
          const text = Buffer.concat(answer).toString("utf8").replace(/\0/g, "").trim();
          if (!text) return finish(new Error("clamd: closed without an answer"));
          finish(null, parseClamdAnswer(text));
        });
        socket.on("connect", () => {
          socket.write("zINSTREAM\0");
          for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
            const chunk = bytes.subarray(offset, offset + chunkBytes);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(chunk.byteLength);
            socket.write(length);
            socket.write(chunk);
          }
          socket.write(Buffer.alloc(4));
        });
      }).then((verdict) => {
        if (verdict.status === "rejected" && verdict.reason.startsWith("ERROR:"))
          throw new Error(`clamd: ${verdict.reason.slice(6).trim()}`);
        return verdict;
      });
    },
  };
}

/** clamd's line as a verdict; an "… ERROR" line is returned as a rejection marked "ERROR:" (thrown above). */
export function parseClamdAnswer(text: string): ScanVerdict {
  const line = text.replace(/^stream:\s*/, "").trim();
  if (line === "OK") return { status: "clean" };
  const found = /^(.*)\s+FOUND$/.exec(line);
  if (found) return { status: "rejected", reason: found[1]!.trim() };
  return { status: "rejected", reason: `ERROR: ${line.replace(/\s*ERROR$/, "")}` };
}

/** The scanner the settings choose: clamd at CLAMD_HOST:CLAMD_PORT (3310), else pass-through. */
export function configuredScanner(env: NodeJS.ProcessEnv = process.env): Scanner {
  const host = env.CLAMD_HOST;
  if (!host) return passThroughScanner;
  const port = Number(env.CLAMD_PORT || 3310);
  const timeoutMs = Number(env.CLAMD_TIMEOUT_MS || 30_000);
  return clamdScanner({ host, port, timeoutMs });
}
