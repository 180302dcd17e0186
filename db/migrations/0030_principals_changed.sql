-- What a request's principal is made of (its session, account, roles and union's path) changed: every server
-- process forgets the principals it keeps in memory (decision record 0028). PostgreSQL sends a notice at commit
-- and folds repeats within a transaction into one, so a row-level trigger on a bulk change still sends one.
CREATE FUNCTION notify_principals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('principals_changed', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_principals_changed AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
-- Writing a session's last activity (every few seconds of use) changes nothing a principal holds.
CREATE TRIGGER sessions_principals_updated AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token
        OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
  EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
-- Only the columns a principal is made of: a failed login's counter or a login's timestamp sends nothing, so
-- guessing passwords cannot keep every process's cache empty.
CREATE TRIGGER accounts_principals_updated AFTER UPDATE ON accounts FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.username IS DISTINCT FROM NEW.username OR OLD.display_name IS DISTINCT FROM NEW.display_name
        OR OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.must_change_password IS DISTINCT FROM NEW.must_change_password
        OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
  EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
CREATE TRIGGER accounts_principals_changed AFTER DELETE OR TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
CREATE TRIGGER account_roles_principals_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON account_roles
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
-- A principal holds its union's path (its scope), nothing else of the union.
CREATE TRIGGER organisations_principals_updated AFTER UPDATE ON organisations FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.path IS DISTINCT FROM NEW.path)
  EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_principals_changed AFTER DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
