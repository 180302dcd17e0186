CREATE TABLE "membership_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"from_membership_id" integer NOT NULL,
	"from_org_id" integer NOT NULL,
	"to_org_id" integer NOT NULL,
	"status" text NOT NULL,
	"transferred_on" date NOT NULL,
	"remark" text,
	"ordered" boolean DEFAULT false NOT NULL,
	"requested_by" integer,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"result_membership_id" integer
);
--> statement-breakpoint
ALTER TABLE "hardship_settings" ADD COLUMN "exit_income_percent" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "hardship_settings" ADD COLUMN "relapse_income_percent" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "worker_kind" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "employer_name" text;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD COLUMN "worker_kind" text;--> statement-breakpoint
ALTER TABLE "standard_assessments" ADD COLUMN "filler_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_from_membership_id_memberships_id_fk" FOREIGN KEY ("from_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_from_org_id_organisations_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_to_org_id_organisations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_transfers" ADD CONSTRAINT "membership_transfers_result_membership_id_memberships_id_fk" FOREIGN KEY ("result_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_transfers_one_pending_key" ON "membership_transfers" USING btree ("from_membership_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "membership_transfers_to_idx" ON "membership_transfers" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE INDEX "membership_transfers_from_idx" ON "membership_transfers" USING btree ("from_org_id","status");