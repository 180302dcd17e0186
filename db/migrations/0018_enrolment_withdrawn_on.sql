DROP INDEX "mutual_aid_enrolments_member_key";--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolments_member_key" ON "mutual_aid_enrolments" USING btree ("plan_id","member_id") WHERE status = 'enrolled';