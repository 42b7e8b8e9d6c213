CREATE TABLE "dossier_consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"from_agency_id" uuid NOT NULL,
	"to_agency_id" uuid NOT NULL,
	"question" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_transfer_legs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"step" smallint NOT NULL,
	"agency_id" uuid NOT NULL,
	"planned_days" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "handling_chain" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "original_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "pending_delay" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "chain_step" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "consultation_id" uuid;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transfer_legs" ADD CONSTRAINT "dossier_transfer_legs_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transfer_legs" ADD CONSTRAINT "dossier_transfer_legs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_consultations_dossier_idx" ON "dossier_consultations" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_consultations_open_idx" ON "dossier_consultations" USING btree ("to_agency_id","asked_at") WHERE answered_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_transfer_legs_step_unique" ON "dossier_transfer_legs" USING btree ("dossier_id","step");--> statement-breakpoint
CREATE INDEX "dossier_transfer_legs_agency_idx" ON "dossier_transfer_legs" USING btree ("agency_id","dossier_id");