DROP TABLE "import_rows" CASCADE;--> statement-breakpoint
DROP INDEX "members_duplicate_idx";--> statement-breakpoint
DROP INDEX "members_account_key";--> statement-breakpoint
CREATE UNIQUE INDEX "members_account_key" ON "members" USING btree ("account_id") WHERE account_id is not null;