ALTER TABLE "feed_token" DROP CONSTRAINT "feed_token_member_id_member_id_fk";
--> statement-breakpoint
ALTER TABLE "feed_token" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "feed_token" ADD CONSTRAINT "feed_token_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE set null ON UPDATE no action;