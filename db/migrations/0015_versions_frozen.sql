-- A published procedure version never changes: dossiers filed under it keep its form, documents,
-- fees and time limits. Only is_current may move (when the next version is published); a draft may
-- be edited, published (status draft -> published) or deleted. lib/catalog/versions.ts checks the
-- same before it writes; this refuses it from anywhere else (a script, a console).
CREATE OR REPLACE FUNCTION procedure_versions_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'procedure version % is published and cannot be deleted', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.id, NEW.procedure_id, NEW.version, NEW.decision_no, NEW.time_limit_hours, NEW.fees,
        NEW.documents, NEW.form, NEW.details, NEW.handling_chain, NEW.status, NEW.change_note,
        NEW.created_by, NEW.updated_at, NEW.published_at)
       IS DISTINCT FROM
       (OLD.id, OLD.procedure_id, OLD.version, OLD.decision_no, OLD.time_limit_hours, OLD.fees,
        OLD.documents, OLD.form, OLD.details, OLD.handling_chain, OLD.status, OLD.change_note,
        OLD.created_by, OLD.updated_at, OLD.published_at) THEN
      RAISE EXCEPTION 'procedure version % is published and cannot change', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_frozen
  BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedure_versions_frozen();
