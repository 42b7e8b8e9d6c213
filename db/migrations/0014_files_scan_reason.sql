ALTER TABLE "attachments" ADD COLUMN "scan_reason" text;--> statement-breakpoint
CREATE INDEX "attachments_storage_key_idx" ON "attachments" USING btree ("storage_key");