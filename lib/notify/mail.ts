import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { dataDir } from "@/db/client";
import { senderDomain } from "./rules";

/** One e-mail: plain text and HTML, with the Message-ID the delivery row keeps. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
};

/** Sends one message or throws; the portal's transport or a test's. */
export type MailTransport = { send: (mail: OutgoingMail) => Promise<void>; describe: string };

export const defaultSender = '"Cổng Dịch vụ công" <no-reply@localhost>';

export function mailSender(): string {
  return process.env.MAIL_FROM?.trim() || defaultSender;
}

/** The domain Message-IDs are made in (the sender's). */
export function messageDomain(): string {
  return senderDomain(mailSender());
}

/** The folder .eml files go to when no SMTP server is set. */
export function mailFolder(): string {
  return path.join(dataDir(), "mail");
}

/**
 * SMTP (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example.gov.vn:465`) when set; otherwise each
 * message is written as an .eml file in `<PORTAL_DATA_DIR or .data>/mail/`.
 */
export function configuredTransport(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const from = env.MAIL_FROM?.trim() || defaultSender;
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) return smtpTransport(smtpUrl, from);
  return fileTransport(mailFolder(), from);
}

export function smtpTransport(url: string, from: string): MailTransport {
  // Every wait well inside the delivery's two-minute lease (nodemailer waits up to 10 minutes by
  // default), so a stuck server cannot keep a message past its lease and have it sent twice.
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    describe: `SMTP ${new URL(url).host}`,
    send: async (mail) => {
      await transporter.sendMail({ from, ...mail });
    },
  };
}

export function fileTransport(folder: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `files in ${folder}`,
    send: async (mail) => {
      const info = await transporter.sendMail({ from, ...mail });
      fs.mkdirSync(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto
        .createHash("sha256")
        .update(mail.messageId)
        .digest("hex")
        .slice(0, 12)}.eml`;
      // Written whole, then renamed: a reader never sees half a message.
      const target = path.join(folder, name);
      fs.writeFileSync(`${target}.tmp`, info.message as Buffer);
      fs.renameSync(`${target}.tmp`, target);
    },
  };
}
