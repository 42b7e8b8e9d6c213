CREATE TABLE "dossier_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"legal_basis" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"method" text,
	"provider" text,
	"provider_transaction_id" text,
	"receipt_number" text,
	"paid_amount_vnd" bigint,
	"paid_at" timestamp with time zone,
	"recorded_by" uuid,
	CONSTRAINT "dossier_payments_status_check" CHECK ("dossier_payments"."status" in ('requested', 'paid', 'cancelled')),
	CONSTRAINT "dossier_payments_amount_check" CHECK ("dossier_payments"."amount_vnd" > 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_by_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_in_inbox" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_payments_dossier_idx" ON "dossier_payments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_payments_agency_idx" ON "dossier_payments" USING btree ("agency_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_payments_transaction_key" ON "dossier_payments" USING btree ("provider","provider_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_payments_open_key" ON "dossier_payments" USING btree ("dossier_id") WHERE "dossier_payments"."status" = 'requested';