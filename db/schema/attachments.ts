import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { dossiers } from "./dossiers";
import { users } from "./identity";

/** Metadata of a stored file; the bytes live in the storage adapter (lib/files). */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id").references(() => dossiers.id),
    /**
     * The consultation whose question or answer the file goes with (lib/dossiers/interagency);
     * null for the applicant's documents and the e-result.
     */
    consultationId: uuid("consultation_id"),
    /**
     * The required document (component) of the procedure version it answers, or one of the
     * agency's own kinds: "consultation_question", "consultation_answer", "e_result".
     */
    documentKey: text("document_key").notNull(),
    fileName: text("file_name").notNull(),
    /** Detected from the content, not from the name. */
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    /** The applicant's words for an "other document" or a document asked for in a supplement request. */
    description: text("description"),
    /** pending | clean | rejected (lib/files scanner); staff are served only clean files. */
    scanStatus: text("scan_status").notNull().default("clean"),
    scannedAt: timestamp("scanned_at", { withTimezone: true }),
    /** What the scanner found in a rejected file (e.g. "Eicar-Signature"). */
    scanReason: text("scan_reason"),
    /**
     * The attachment whose stored bytes this one reuses (a document given once, attached again from
     * the applicant's document store); the bytes are deleted only when no attachment uses them.
     */
    reusedFrom: uuid("reused_from"),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_dossier_idx").on(t.dossierId),
    // Whether other rows still use stored bytes before they are deleted (the document store).
    index("attachments_storage_key_idx").on(t.storageKey),
  ],
);
