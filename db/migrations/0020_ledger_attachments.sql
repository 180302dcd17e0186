CREATE TABLE "ledger_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"record_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_id" integer NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploader_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_attachments" ADD CONSTRAINT "ledger_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_attachments_record_idx" ON "ledger_attachments" USING btree ("owner","record_id");