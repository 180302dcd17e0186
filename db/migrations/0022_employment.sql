CREATE TABLE "job_fair_enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"fair_id" integer NOT NULL,
	"employer_name" text NOT NULL,
	"employer_uscc" text NOT NULL,
	"posts" integer NOT NULL,
	"headcount" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_fairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"mode" text NOT NULL,
	"venue" text,
	"co_organisers" text,
	"visitors" integer,
	"intentions" integer,
	"hires" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hiring_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"employer_name" text NOT NULL,
	"employer_uscc" text NOT NULL,
	"post" text NOT NULL,
	"work_kind" text NOT NULL,
	"headcount" integer NOT NULL,
	"pay_min" integer,
	"pay_max" integer,
	"requirements" text,
	"place" text,
	"recorded_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"filled_on" date,
	"contact_name" text,
	"contact_phone" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_seeker_services" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"person_name" text NOT NULL,
	"id_number_idx" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"category" text NOT NULL,
	"service" text NOT NULL,
	"served_on" date NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_fair_enterprises" ADD CONSTRAINT "job_fair_enterprises_fair_id_job_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."job_fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fairs" ADD CONSTRAINT "job_fairs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_posts" ADD CONSTRAINT "hiring_posts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seeker_services" ADD CONSTRAINT "job_seeker_services_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_fair_enterprises_key" ON "job_fair_enterprises" USING btree ("fair_id","employer_uscc");--> statement-breakpoint
CREATE INDEX "hiring_posts_org_idx" ON "hiring_posts" USING btree ("org_id","recorded_on");--> statement-breakpoint
CREATE INDEX "hiring_posts_uscc_idx" ON "hiring_posts" USING btree ("employer_uscc");--> statement-breakpoint
CREATE INDEX "job_seeker_services_org_idx" ON "job_seeker_services" USING btree ("org_id","served_on");--> statement-breakpoint
CREATE INDEX "job_seeker_services_person_idx" ON "job_seeker_services" USING btree ("id_number_idx");