CREATE TABLE "agency_working_hours" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"morning_start" integer,
	"morning_end" integer,
	"afternoon_start" integer,
	"afternoon_end" integer,
	"cutoff" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "holidays" ADD COLUMN "swap_with" date;--> statement-breakpoint
ALTER TABLE "holidays" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "agency_working_hours" ADD CONSTRAINT "agency_working_hours_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: the table said only "off" or "working"; it now keeps the kind of each day apart.
-- Without the notices at hand, an old day off is taken as a public holiday and an old worked day
-- as a swapped working Saturday (the seed refills the demo years with their exact kinds).
UPDATE "holidays" SET "kind" = CASE "kind" WHEN 'off' THEN 'holiday' WHEN 'working' THEN 'swap_work' ELSE "kind" END WHERE "kind" IN ('off', 'working');
