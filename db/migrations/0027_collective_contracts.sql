CREATE TABLE "collective_contract_employers" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"workers" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collective_contract_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"step" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collective_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"title" text NOT NULL,
	"session" text,
	"status" text NOT NULL,
	"offer_on" date NOT NULL,
	"offer_by" text NOT NULL,
	"reply_on" date,
	"first_round_on" date,
	"rounds" integer DEFAULT 0 NOT NULL,
	"draft_on" date,
	"vote_on" date,
	"delegates_total" integer,
	"delegates_present" integer,
	"votes_for" integer,
	"votes_against" integer,
	"signed_on" date,
	"starts_on" date,
	"ends_on" date,
	"filed_on" date,
	"late_reason" text,
	"correction_on" date,
	"refiled_on" date,
	"received_on" date,
	"receipt_no" text,
	"objection_on" date,
	"effective_on" date,
	"published_on" date,
	"last_report_on" date,
	"next_due_on" date,
	"renewed_on" date,
	"terminated_on" date,
	"avg_wage_last_year_fen" integer,
	"wage_increase_pct" double precision,
	"min_wage_multiple" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collective_contract_employers" ADD CONSTRAINT "collective_contract_employers_contract_id_collective_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."collective_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_contract_events" ADD CONSTRAINT "collective_contract_events_contract_id_collective_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."collective_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_contracts" ADD CONSTRAINT "collective_contracts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collective_contract_employers_contract_idx" ON "collective_contract_employers" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "collective_contract_employers_uscc_idx" ON "collective_contract_employers" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "collective_contract_events_contract_idx" ON "collective_contract_events" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "collective_contracts_org_idx" ON "collective_contracts" USING btree ("org_id","signed_on");--> statement-breakpoint
CREATE INDEX "collective_contracts_status_idx" ON "collective_contracts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "collective_contracts_due_idx" ON "collective_contracts" USING btree ("next_due_on");