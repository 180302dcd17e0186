CREATE TABLE "hardship_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"assessed_on" date NOT NULL,
	"household_size" integer NOT NULL,
	"threshold_id" integer NOT NULL,
	"minimum_living_fen" integer NOT NULL,
	"category" text NOT NULL,
	"detail_enc" text NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"actor_org_name" text,
	"opinion" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note_enc" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_case_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"kind" text NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"category" text,
	"primary_cause" text NOT NULL,
	"secondary_causes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place" text NOT NULL,
	"notice_consent_at" timestamp with time zone,
	"notice_consent_covers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"visit_due_on" date,
	"filed_on" date,
	"next_review_on" date,
	"exit_reason" text,
	"exited_on" date,
	"watch_until" date,
	"next_watch_visit_on" date,
	"relapses" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"exit_months" integer DEFAULT 6 NOT NULL,
	"watch_months" integer DEFAULT 12 NOT NULL,
	"watch_visit_months" integer DEFAULT 6 NOT NULL,
	"notice_days" integer DEFAULT 5 NOT NULL,
	"visit_due_days" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_thresholds" (
	"id" serial PRIMARY KEY NOT NULL,
	"place" text NOT NULL,
	"year" integer NOT NULL,
	"minimum_living_fen" integer NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hardship_assessments" ADD CONSTRAINT "hardship_assessments_case_id_hardship_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."hardship_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_assessments" ADD CONSTRAINT "hardship_assessments_threshold_id_hardship_thresholds_id_fk" FOREIGN KEY ("threshold_id") REFERENCES "public"."hardship_thresholds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_assessments" ADD CONSTRAINT "hardship_assessments_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_case_events" ADD CONSTRAINT "hardship_case_events_case_id_hardship_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."hardship_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_case_events" ADD CONSTRAINT "hardship_case_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_case_files" ADD CONSTRAINT "hardship_case_files_case_id_hardship_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."hardship_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_case_files" ADD CONSTRAINT "hardship_case_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_case_files" ADD CONSTRAINT "hardship_case_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_cases" ADD CONSTRAINT "hardship_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_cases" ADD CONSTRAINT "hardship_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_cases" ADD CONSTRAINT "hardship_cases_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_assessments_case_idx" ON "hardship_assessments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hardship_case_events_case_idx" ON "hardship_case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "hardship_case_files_case_idx" ON "hardship_case_files" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_cases_case_no_key" ON "hardship_cases" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_cases_one_open_key" ON "hardship_cases" USING btree ("member_id") WHERE status not in ('rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "hardship_cases_org_status_idx" ON "hardship_cases" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_thresholds_place_year_key" ON "hardship_thresholds" USING btree ("place","year");--> statement-breakpoint
insert into "hardship_settings" ("id") values (1) on conflict do nothing;
