-- Substring search (decision record 0020): the set of two-character pieces of a text, lower-cased. A GIN index on
-- it answers `ilike '%科技%'` from the index on both engines and under any database locale (pg_trgm finds no
-- trigram in a two-character needle, and none at all in Chinese text when LC_CTYPE is C).
CREATE FUNCTION search_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}')
    FROM generate_series(1, char_length(value) - 1) AS i
$$;
--> statement-breakpoint
DROP INDEX "members_name_idx";--> statement-breakpoint
DROP INDEX "memberships_member_idx";--> statement-breakpoint
CREATE INDEX "employers_search_idx" ON "employers" USING gin ((search_bigrams("name") || search_bigrams("uscc")));--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ((search_bigrams("name") || search_bigrams("code")));--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("name" collate "C","id");--> statement-breakpoint
CREATE INDEX "memberships_member_idx" ON "memberships" USING btree ("member_id","left_on","org_id");