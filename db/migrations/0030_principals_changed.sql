-- What a request's principal is made of (its session, account, roles and union) changed: every server process
-- forgets the principals it keeps in memory (decision record 0028). Statement-level, so a bulk change sends one
-- notice; PostgreSQL sends it at commit, and folds repeats within a transaction into one.
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
  WHEN (OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
  EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
CREATE TRIGGER accounts_principals_changed AFTER UPDATE OR DELETE OR TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
CREATE TRIGGER account_roles_principals_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON account_roles
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_principals_changed AFTER UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_changed();
