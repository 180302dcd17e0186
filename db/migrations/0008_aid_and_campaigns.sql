CREATE TABLE "aid_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"case_id" integer,
	"campaign_id" integer,
	"kind" text NOT NULL,
	"form" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"items" text,
	"school_level" text,
	"given_on" date NOT NULL,
	"fund_source" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"signed_on" date,
	"cancel_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"season" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"budgets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education_aid_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"on_file" boolean NOT NULL,
	"amount_fen" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hardship_settings" ADD COLUMN "yearly_cap_fen" integer DEFAULT 2000000 NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_records" ADD CONSTRAINT "aid_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_records" ADD CONSTRAINT "aid_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_records" ADD CONSTRAINT "aid_records_case_id_hardship_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."hardship_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_records" ADD CONSTRAINT "aid_records_campaign_id_care_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."care_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_records" ADD CONSTRAINT "aid_records_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_records" ADD CONSTRAINT "aid_records_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaigns" ADD CONSTRAINT "care_campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaigns" ADD CONSTRAINT "care_campaigns_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aid_records_campaign_member_key" ON "aid_records" USING btree ("campaign_id","member_id") WHERE campaign_id is not null and status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "aid_records_member_idx" ON "aid_records" USING btree ("member_id","given_on");--> statement-breakpoint
CREATE INDEX "aid_records_case_idx" ON "aid_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "aid_records_org_idx" ON "aid_records" USING btree ("org_id","given_on");--> statement-breakpoint
CREATE INDEX "care_campaigns_org_idx" ON "care_campaigns" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "education_aid_rates_key" ON "education_aid_rates" USING btree ("level","on_file");--> statement-breakpoint
insert into "education_aid_rates" ("level", "on_file", "amount_fen") values ('compulsory', true, 100000), ('compulsory', false, 50000), ('senior', true, 300000), ('senior', false, 200000), ('college', true, 500000), ('college', false, 400000), ('undergraduate', true, 500000), ('undergraduate', false, 400000), ('postgraduate', true, 600000), ('postgraduate', false, 500000) on conflict do nothing;
