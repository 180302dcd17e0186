CREATE TABLE "import_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"account_id" integer NOT NULL,
	"org_path" text,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"read_bytes" integer DEFAULT 0 NOT NULL,
	"total_bytes" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"message" text,
	"error_file" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"job_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"payload" text NOT NULL,
	CONSTRAINT "import_rows_job_id_row_no_pk" PRIMARY KEY("job_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"division_code" text,
	"industry" text,
	"ownership" text,
	"employees" integer NOT NULL,
	"women_employees" integer,
	"small_micro" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"address" text,
	"remark" text,
	"founding_stage" text DEFAULT 'none' NOT NULL,
	"founding_started_on" date,
	"founding_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_coverages" (
	"employer_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_duplicate_dismissals" (
	"member_a" integer NOT NULL,
	"member_b" integer NOT NULL,
	"account_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_duplicate_dismissals_member_a_member_b_pk" PRIMARY KEY("member_a","member_b")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text,
	"id_number_enc" text NOT NULL,
	"id_number_idx" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_enc" text,
	"phone_idx" text,
	"phone_masked" text,
	"education" text,
	"political_status" text,
	"occupation" text,
	"gig_kind" text,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"employer_uscc" text,
	"remark" text,
	"account_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text,
	"id_number_enc" text NOT NULL,
	"id_number_idx" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_idx" text NOT NULL,
	"phone_masked" text NOT NULL,
	"education" text,
	"political_status" text,
	"occupation" text,
	"gig_kind" text,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"employer_name" text,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"opinion" text,
	"member_id" integer
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"leave_reason" text,
	"channel" text NOT NULL,
	"from_membership_id" integer,
	"remark" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"elected_on" date NOT NULL,
	"term_years" integer NOT NULL,
	"chair_name" text NOT NULL,
	"chair_full_time" boolean NOT NULL,
	"vice_chairs" text[] DEFAULT '{}' NOT NULL,
	"committee_members" text[] DEFAULT '{}' NOT NULL,
	"funds_committee" text[] DEFAULT '{}' NOT NULL,
	"women_committee" text[] DEFAULT '{}' NOT NULL,
	"approval_doc" text,
	"remark" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "accepts_gig_workers" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_coverages" ADD CONSTRAINT "union_coverages_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_coverages" ADD CONSTRAINT "union_coverages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_duplicate_dismissals" ADD CONSTRAINT "member_duplicate_dismissals_member_a_members_id_fk" FOREIGN KEY ("member_a") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_duplicate_dismissals" ADD CONSTRAINT "member_duplicate_dismissals_member_b_members_id_fk" FOREIGN KEY ("member_b") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_terms" ADD CONSTRAINT "union_terms_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_account_idx" ON "import_jobs" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_uscc_key" ON "employers" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "employers_org_idx" ON "employers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "employers_name_idx" ON "employers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "union_coverages_org_idx" ON "union_coverages" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_idx_key" ON "members" USING btree ("id_number_idx");--> statement-breakpoint
CREATE INDEX "members_phone_idx" ON "members" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_duplicate_idx" ON "members" USING btree ("name","birth_date");--> statement-breakpoint
CREATE UNIQUE INDEX "members_account_key" ON "members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_applications_ref_key" ON "membership_applications" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "membership_applications_org_idx" ON "membership_applications" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "membership_applications_id_idx" ON "membership_applications" USING btree ("id_number_idx");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_open_key" ON "memberships" USING btree ("member_id") WHERE left_on is null;--> statement-breakpoint
CREATE INDEX "memberships_member_idx" ON "memberships" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("org_id","left_on");--> statement-breakpoint
CREATE INDEX "union_terms_org_idx" ON "union_terms" USING btree ("org_id","elected_on");--> statement-breakpoint
-- Staged import rows need no crash safety (an interrupted import is discarded at start-up): skip the WAL.
ALTER TABLE "import_rows" SET UNLOGGED;
