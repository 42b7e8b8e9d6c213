CREATE TABLE "organisation_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "organisation_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "administrative_units" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"province_code" text
);
--> statement-breakpoint
ALTER TABLE "organisation_members" ALTER COLUMN "role" SET DEFAULT 'filer';--> statement-breakpoint
ALTER TABLE "procedure_versions" ALTER COLUMN "published_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD COLUMN "added_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "legal_representative_title" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "change_note" text;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "audiences" text[] DEFAULT '{citizen}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "life_events" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "requested_documents" jsonb;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "scan_status" text DEFAULT 'clean' NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "scanned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "reused_from" uuid;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_invitations_org_idx" ON "organisation_invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "administrative_units_province_idx" ON "administrative_units" USING btree ("province_code","name");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_one_draft" ON "procedure_versions" USING btree ("procedure_id") WHERE status = 'draft';--> statement-breakpoint
-- Forms become pages (lib/forms/types.ts): a form that was one list of fields is one page of them.
UPDATE "procedure_versions" SET "form" = jsonb_build_object('pages', jsonb_build_array(jsonb_build_object('id', 'main', 'title', jsonb_build_object('vi', 'Thông tin tờ khai', 'en', 'Your details'), 'fields', "form"->'fields'))) WHERE "form" ? 'fields';--> statement-breakpoint
-- Members who could file keep that right under its new name.
UPDATE "organisation_members" SET "role" = 'filer' WHERE "role" = 'member';
