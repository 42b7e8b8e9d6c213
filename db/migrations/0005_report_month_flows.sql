CREATE TABLE "report_month_flows" (
	"month" text NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"finished_on_time" integer DEFAULT 0 NOT NULL,
	"finished_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_month_flows_month_competent_agency_id_pk" PRIMARY KEY("month","competent_agency_id")
);
--> statement-breakpoint
ALTER TABLE "report_month_flows" ADD CONSTRAINT "report_month_flows_competent_agency_id_agencies_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Months already filled (report_closed_months) get their monthly flows from their days.
INSERT INTO "report_month_flows" ("month", "competent_agency_id", "received", "received_online", "finished", "finished_on_time", "finished_late")
SELECT to_char("day", 'YYYY-MM'), "competent_agency_id", sum("received")::int, sum("received_online")::int, sum("finished")::int, sum("finished_on_time")::int, sum("finished_late")::int
FROM "report_daily_flows"
WHERE to_char("day", 'YYYY-MM') IN (SELECT "month" FROM "report_closed_months")
GROUP BY 1, 2;
