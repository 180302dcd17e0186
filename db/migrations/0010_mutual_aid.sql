CREATE TABLE "mutual_aid_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"diagnosis_enc" text NOT NULL,
	"hospital" text NOT NULL,
	"admitted_on" date NOT NULL,
	"discharged_on" date,
	"claimed_fen" integer NOT NULL,
	"approved_fen" integer,
	"status" text DEFAULT 'submitted' NOT NULL,
	"opinion" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"paid_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"shares" integer NOT NULL,
	"premium_fen" integer NOT NULL,
	"paid_on" date NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"withdraw_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"product" text NOT NULL,
	"premium_fen" integer NOT NULL,
	"max_shares" integer NOT NULL,
	"benefit_per_share_fen" integer NOT NULL,
	"cover_start" date NOT NULL,
	"cover_end" date NOT NULL,
	"enrol_until" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_quotas" (
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "mutual_aid_quotas_plan_id_org_id_pk" PRIMARY KEY("plan_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_enrolment_id_mutual_aid_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutual_aid_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_plan_id_mutual_aid_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutual_aid_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_plans" ADD CONSTRAINT "mutual_aid_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_plans" ADD CONSTRAINT "mutual_aid_plans_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_quotas" ADD CONSTRAINT "mutual_aid_quotas_plan_id_mutual_aid_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutual_aid_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_quotas" ADD CONSTRAINT "mutual_aid_quotas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_enrolment_idx" ON "mutual_aid_claims" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_org_idx" ON "mutual_aid_claims" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_paid_idx" ON "mutual_aid_claims" USING btree ("paid_on") WHERE paid_on is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolments_member_key" ON "mutual_aid_enrolments" USING btree ("plan_id","member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolments_org_idx" ON "mutual_aid_enrolments" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolments_paid_idx" ON "mutual_aid_enrolments" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_plans_name_key" ON "mutual_aid_plans" USING btree ("org_id","year","name");