CREATE TABLE "hiring_interests" (
	"id" serial PRIMARY KEY NOT NULL,
	"post_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone_idx" text NOT NULL,
	"phone_masked" text NOT NULL,
	"phone_enc" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hiring_interests" ADD CONSTRAINT "hiring_interests_post_id_hiring_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."hiring_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hiring_interests_phone_key" ON "hiring_interests" USING btree ("post_id","phone_idx");