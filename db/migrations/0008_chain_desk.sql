ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "id_number" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "desk_created_by" uuid;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_desk_created_by_users_id_fk" FOREIGN KEY ("desk_created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_events_unchained_idx" ON "dossier_events" USING btree ("dossier_id") WHERE hash is null;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_id_number_unique" UNIQUE("id_number");