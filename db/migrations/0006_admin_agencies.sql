ALTER TABLE "agencies" ADD COLUMN "level" text DEFAULT 'province' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "address" text;--> statement-breakpoint
-- hand-written: agencies that existed before the column get their level from their kind.
UPDATE "agencies" SET "level" = 'commune' WHERE "kind" IN ('commune_committee', 'commune_centre');
