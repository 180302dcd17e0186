ALTER TABLE "members" ADD COLUMN "worker_kind" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "employer_name" text;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD COLUMN "worker_kind" text;