CREATE TABLE "dated_settings" (
	"key" text NOT NULL,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dated_settings_key_effective_from_pk" PRIMARY KEY("key","effective_from")
);
--> statement-breakpoint
CREATE TABLE "congress_delegates" (
	"id" serial PRIMARY KEY NOT NULL,
	"congress_id" integer NOT NULL,
	"member_id" integer,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"category" text NOT NULL,
	"dept" text,
	"elected_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"congress_id" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"proposer" text NOT NULL,
	"co_signers" text,
	"submitted_by" integer,
	"submitted_on" date NOT NULL,
	"accepted_on" date,
	"department" text,
	"reply" text,
	"replied_on" date,
	"satisfaction" text,
	"opinion" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"congress_id" integer NOT NULL,
	"kind" text NOT NULL,
	"term_no" integer NOT NULL,
	"session_no" integer NOT NULL,
	"held_on" date NOT NULL,
	"total" integer NOT NULL,
	"present" integer NOT NULL,
	"agenda" text NOT NULL,
	"votes" jsonb NOT NULL,
	"resolutions" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congresses" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"form" text NOT NULL,
	"established_on" date NOT NULL,
	"term_no" integer NOT NULL,
	"term_starts_on" date NOT NULL,
	"term_years" integer NOT NULL,
	"staff" integer NOT NULL,
	"women_staff" integer,
	"state_owned" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"matter" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"disclosed_on" date NOT NULL,
	"period_label" text,
	"content" text,
	"feedback" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_directors" (
	"id" serial PRIMARY KEY NOT NULL,
	"congress_id" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"board" text NOT NULL,
	"elected_on" date NOT NULL,
	"votes_for" integer NOT NULL,
	"delegates_total" integer NOT NULL,
	"term_ends_on" date NOT NULL,
	"ended_on" date,
	"reports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collective_contracts" ADD COLUMN "filing_due_on" date;--> statement-breakpoint
ALTER TABLE "collective_contracts" ADD COLUMN "review_due_on" date;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposals" ADD CONSTRAINT "congress_proposals_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposals" ADD CONSTRAINT "congress_proposals_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_sessions" ADD CONSTRAINT "congress_sessions_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congresses" ADD CONSTRAINT "congresses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_directors" ADD CONSTRAINT "worker_directors_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_delegates_congress_idx" ON "congress_delegates" USING btree ("congress_id","elected_on");--> statement-breakpoint
CREATE INDEX "congress_delegates_member_idx" ON "congress_delegates" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "congress_proposals_congress_idx" ON "congress_proposals" USING btree ("congress_id","submitted_on");--> statement-breakpoint
CREATE INDEX "congress_proposals_by_idx" ON "congress_proposals" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "congress_sessions_congress_idx" ON "congress_sessions" USING btree ("congress_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "congresses_org_idx" ON "congresses" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "disclosures_org_idx" ON "disclosures" USING btree ("org_id","disclosed_on");--> statement-breakpoint
CREATE INDEX "worker_directors_congress_idx" ON "worker_directors" USING btree ("congress_id");--> statement-breakpoint
-- Contracts recorded before the clocks became a dated setting: their deadlines by the regulations' days.
UPDATE "collective_contracts" SET "filing_due_on" = "signed_on" + 10 WHERE "signed_on" IS NOT NULL;--> statement-breakpoint
UPDATE "collective_contracts" SET "review_due_on" = "received_on" + 15 WHERE "received_on" IS NOT NULL;
