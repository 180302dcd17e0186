-- drizzle-kit cannot name the old primary key; it is PostgreSQL's default name. Existing rows stay, as open coverages.
ALTER TABLE "union_coverages" DROP CONSTRAINT "union_coverages_pkey";--> statement-breakpoint
ALTER TABLE "union_coverages" ADD COLUMN "id" serial PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "union_coverages" ADD COLUMN "until" date;--> statement-breakpoint
CREATE UNIQUE INDEX "union_coverages_open_key" ON "union_coverages" USING btree ("employer_id") WHERE until is null;--> statement-breakpoint
CREATE INDEX "union_coverages_employer_idx" ON "union_coverages" USING btree ("employer_id","since");