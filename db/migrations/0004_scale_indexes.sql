DROP INDEX "dossiers_applicant_idx";--> statement-breakpoint
DROP INDEX "dossiers_competent_status_idx";--> statement-breakpoint
CREATE INDEX "dossiers_queue_receiving_idx" ON "dossiers" USING btree ("receiving_agency_id","due_at","submitted_at","id") WHERE status <> 'draft';--> statement-breakpoint
CREATE INDEX "dossiers_queue_competent_idx" ON "dossiers" USING btree ("competent_agency_id","due_at","submitted_at","id") WHERE status <> 'draft';--> statement-breakpoint
CREATE INDEX "dossiers_queue_open_receiving_idx" ON "dossiers" USING btree ("receiving_agency_id","due_at","submitted_at","id","status","clock_stopped_at") WHERE status in ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment', 'done');--> statement-breakpoint
CREATE INDEX "dossiers_queue_open_competent_idx" ON "dossiers" USING btree ("competent_agency_id","due_at","submitted_at","id","receiving_agency_id","status","clock_stopped_at") WHERE status in ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment', 'done');--> statement-breakpoint
CREATE INDEX "dossiers_competent_receiving_status_idx" ON "dossiers" USING btree ("competent_agency_id","receiving_agency_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_list_idx" ON "dossiers" USING btree ("applicant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_organisation_list_idx" ON "dossiers" USING btree ("organisation_id","created_at","id") WHERE organisation_id is not null and status <> 'draft';