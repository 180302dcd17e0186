CREATE TABLE "legal_case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"step" text NOT NULL,
	"on" date NOT NULL,
	"note_enc" text,
	"to_worker" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"org_id" integer NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"issue" text NOT NULL,
	"source" text NOT NULL,
	"received_on" date NOT NULL,
	"accepted_on" date,
	"closed_on" date,
	"member_id" integer,
	"requested_by" integer,
	"worker_masked" text NOT NULL,
	"employer_name" text NOT NULL,
	"workers_affected" integer NOT NULL,
	"handled_by" text,
	"outcome" text,
	"amount_recovered_fen" bigint,
	"detail_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"audience" integer NOT NULL,
	"materials" integer,
	"speakers" text,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_case_events" ADD CONSTRAINT "legal_case_events_case_id_legal_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."legal_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_events" ADD CONSTRAINT "legal_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_case_events_case_idx" ON "legal_case_events" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_cases_no_idx" ON "legal_cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "legal_cases_org_idx" ON "legal_cases" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "legal_cases_requested_by_idx" ON "legal_cases" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "legal_events_org_idx" ON "legal_events" USING btree ("org_id","held_on");