-- Accent-insensitive search: unaccent for ad-hoc queries, trigram indexes on the accent-free text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "procedures_search_trgm_idx" ON "procedures" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "decisions_search_trgm_idx" ON "decisions" USING gin ("search_text" gin_trgm_ops);
