CREATE TABLE "health_check_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"package" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"budget_fen" integer,
	"quotas" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_check_signups" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"group" text NOT NULL,
	"slot_on" date NOT NULL,
	"status" text DEFAULT 'signed_up' NOT NULL,
	"done_on" date,
	"results_enc" text,
	"report_delivered_on" date,
	"channel" text DEFAULT 'union' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "health_check_programmes" ADD CONSTRAINT "health_check_programmes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check_programmes" ADD CONSTRAINT "health_check_programmes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check_signups" ADD CONSTRAINT "health_check_signups_programme_id_health_check_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."health_check_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check_signups" ADD CONSTRAINT "health_check_signups_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check_signups" ADD CONSTRAINT "health_check_signups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check_signups" ADD CONSTRAINT "health_check_signups_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_check_signups_member_key" ON "health_check_signups" USING btree ("programme_id","member_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "health_check_signups_org_idx" ON "health_check_signups" USING btree ("org_id","programme_id");--> statement-breakpoint
CREATE INDEX "health_check_signups_done_idx" ON "health_check_signups" USING btree ("done_on") WHERE done_on is not null;