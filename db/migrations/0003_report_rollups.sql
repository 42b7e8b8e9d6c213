CREATE TABLE "report_closed_months" (
	"month" text PRIMARY KEY NOT NULL,
	"filled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_daily_flows" (
	"competent_agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"finished_on_time" integer DEFAULT 0 NOT NULL,
	"finished_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_daily_flows_competent_agency_id_procedure_id_day_pk" PRIMARY KEY("competent_agency_id","procedure_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_month_ends" (
	"month" text NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"open_at_end" integer DEFAULT 0 NOT NULL,
	"open_overdue" integer DEFAULT 0 NOT NULL,
	"open_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_month_ends_month_competent_agency_id_procedure_id_pk" PRIMARY KEY("month","competent_agency_id","procedure_id")
);
--> statement-breakpoint
ALTER TABLE "report_daily_flows" ADD CONSTRAINT "report_daily_flows_competent_agency_id_agencies_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_daily_flows" ADD CONSTRAINT "report_daily_flows_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_month_ends" ADD CONSTRAINT "report_month_ends_competent_agency_id_agencies_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_month_ends" ADD CONSTRAINT "report_month_ends_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_daily_flows_day_idx" ON "report_daily_flows" USING btree ("day");--> statement-breakpoint
CREATE INDEX "dossiers_open_competent_idx" ON "dossiers" USING btree ("competent_agency_id") WHERE "dossiers"."status" in ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment');--> statement-breakpoint
-- Backfill: the daily flows of the history so far (lib/reports/rollups.ts' allFlows, the same rule).
-- Month ends are filled when a report first needs them.
INSERT INTO "report_daily_flows" ("competent_agency_id", "procedure_id", "day", "received", "received_online", "finished", "finished_on_time", "finished_late")
WITH f AS (
	SELECT d.id, d.competent_agency_id, d.procedure_id, d.channel, d.due_at, d.supplement_count,
		min(e.at) FILTER (WHERE e.action = 'accept') AS accepted_at,
		min(e.at) FILTER (WHERE e.to_status IN ('done', 'returned', 'stopped', 'refused')) AS ended_at
	FROM "dossiers" d JOIN "dossier_events" e ON e.dossier_id = d.id
	WHERE e.action = 'accept' OR e.to_status IN ('done', 'returned', 'stopped', 'refused', 'withdrawn')
	GROUP BY d.id
), late AS (
	SELECT f.*, (f.supplement_count > 1 OR (f.due_at IS NOT NULL AND f.ended_at > f.due_at)) AS is_late FROM f
)
SELECT competent_agency_id, procedure_id, day,
	sum(received)::int, sum(received_online)::int, sum(finished)::int, sum(finished_on_time)::int, sum(finished_late)::int
FROM (
	SELECT competent_agency_id, procedure_id, ((accepted_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
		1 AS received, (channel = 2)::int AS received_online, 0 AS finished, 0 AS finished_on_time, 0 AS finished_late
	FROM late WHERE accepted_at IS NOT NULL
	UNION ALL
	SELECT competent_agency_id, procedure_id, ((ended_at AT TIME ZONE 'UTC') + interval '7 hours')::date,
		0, 0, 1, (NOT is_late)::int, is_late::int
	FROM late WHERE ended_at IS NOT NULL
) flows
GROUP BY competent_agency_id, procedure_id, day;
