CREATE TABLE "comment_mention" (
	"workspace_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "comment_mention_comment_id_member_id_pk" PRIMARY KEY("comment_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "comment_mention" ADD CONSTRAINT "comment_mention_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mention" ADD CONSTRAINT "comment_mention_comment_id_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mention" ADD CONSTRAINT "comment_mention_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_mention_workspace_idx" ON "comment_mention" USING btree ("workspace_id","member_id");--> statement-breakpoint
CREATE INDEX "task_status_change_status_idx" ON "task_status_change" USING btree ("workspace_id","to_status","at");--> statement-breakpoint
-- Backfill from the bodies written so far, with the editor's mention pattern (MENTION_PATTERN in
-- @tandem/domain/mentions; mentionsInSql reads it the same way, held to mentionedMemberIds by a
-- test): each mentioned member of the comment's workspace once.
INSERT INTO "comment_mention" ("workspace_id", "comment_id", "member_id")
SELECT DISTINCT c."workspace_id", c."id", m."id"
FROM "comment" c
CROSS JOIN LATERAL regexp_matches(c."body", '@\[([^\]\n]{1,80})\]\(member:([0-9a-f-]{36})\)', 'gi') AS mention(parts)
JOIN "member" m ON m."workspace_id" = c."workspace_id" AND m."id"::text = lower(mention.parts[2])
ON CONFLICT DO NOTHING;
