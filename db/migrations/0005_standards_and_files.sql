CREATE TABLE "stored_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"purpose" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"checklist_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"self_total" integer DEFAULT 0 NOT NULL,
	"review_total" integer,
	"grade" text,
	"passed" boolean,
	"review_opinion" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewer_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_checklists" (
	"id" serial PRIMARY KEY NOT NULL,
	"series" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"description" text,
	"effective_from" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"grade_bands" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"checklist_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"max_score" integer NOT NULL,
	"evidence_hint" text
);
--> statement-breakpoint
CREATE TABLE "standard_scores" (
	"assessment_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"self_score" integer,
	"self_note" text,
	"review_score" integer,
	"review_note" text,
	CONSTRAINT "standard_scores_assessment_id_item_id_pk" PRIMARY KEY("assessment_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "union_honours" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"awarding_body" text NOT NULL,
	"doc_no" text,
	"remark" text,
	"revoked_on" date,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "standard_assessments" ADD CONSTRAINT "standard_assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_assessments" ADD CONSTRAINT "standard_assessments_checklist_id_standard_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."standard_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_assessments" ADD CONSTRAINT "standard_assessments_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_assessments" ADD CONSTRAINT "standard_assessments_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_evidence" ADD CONSTRAINT "standard_evidence_assessment_id_standard_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."standard_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_evidence" ADD CONSTRAINT "standard_evidence_item_id_standard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_evidence" ADD CONSTRAINT "standard_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_items" ADD CONSTRAINT "standard_items_checklist_id_standard_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."standard_checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_scores" ADD CONSTRAINT "standard_scores_assessment_id_standard_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."standard_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_scores" ADD CONSTRAINT "standard_scores_item_id_standard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_honours" ADD CONSTRAINT "union_honours_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_org_idx" ON "stored_files" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_assessments_org_year_key" ON "standard_assessments" USING btree ("org_id","year","series");--> statement-breakpoint
CREATE INDEX "standard_assessments_year_idx" ON "standard_assessments" USING btree ("year","series");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_checklists_series_version_key" ON "standard_checklists" USING btree ("series","version");--> statement-breakpoint
CREATE INDEX "standard_evidence_assessment_idx" ON "standard_evidence" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "standard_items_checklist_idx" ON "standard_items" USING btree ("checklist_id","position");--> statement-breakpoint
CREATE INDEX "union_honours_org_idx" ON "union_honours" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "union_honours_year_idx" ON "union_honours" USING btree ("year");