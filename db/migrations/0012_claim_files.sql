CREATE TABLE "mutual_aid_claim_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"kind" text NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mutual_aid_claim_files" ADD CONSTRAINT "mutual_aid_claim_files_claim_id_mutual_aid_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."mutual_aid_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claim_files" ADD CONSTRAINT "mutual_aid_claim_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claim_files" ADD CONSTRAINT "mutual_aid_claim_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mutual_aid_claim_files_claim_idx" ON "mutual_aid_claim_files" USING btree ("claim_id");