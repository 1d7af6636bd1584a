CREATE TABLE "task_status_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"side" "side" NOT NULL,
	"from_status" "task_status",
	"to_status" "task_status" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_status_change" ADD CONSTRAINT "task_status_change_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_status_change" ADD CONSTRAINT "task_status_change_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_status_change" ADD CONSTRAINT "task_status_change_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_status_change_ws_idx" ON "task_status_change" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "task_status_change_task_idx" ON "task_status_change" USING btree ("task_id","at");--> statement-breakpoint
-- Backfill the history from the transparency log, for tasks that still exist: the status a task
-- was created with (task.created), each move to another status (task.moved) and the status edits
-- old entries recorded (task.updated). The side is the task's side as the log last stated it at
-- that entry (task.created, or a later edit that handed it over), else its side today.
INSERT INTO "task_status_change" ("workspace_id", "project_id", "task_id", "side", "from_status", "to_status", "at")
SELECT t."workspace_id", t."project_id", t."id",
  coalesce((
    SELECT (s."summary"->'after'->>'side')::"side"
    FROM "log_entry" s
    WHERE s."workspace_id" = l."workspace_id" AND s."entity_type" = 'task' AND s."entity_id" = l."entity_id"
      AND s."seq" <= l."seq" AND s."summary"->'after'->>'side' IS NOT NULL
    ORDER BY s."seq" DESC LIMIT 1
  ), t."side"),
  CASE WHEN l."action" = 'task.created' THEN NULL ELSE (l."summary"->'before'->>'status')::"task_status" END,
  (l."summary"->'after'->>'status')::"task_status",
  l."created_at"
FROM "log_entry" l
JOIN "task" t ON t."id"::text = l."entity_id" AND t."workspace_id" = l."workspace_id"
WHERE l."entity_type" = 'task'
  AND l."summary"->'after'->>'status' IS NOT NULL
  AND (
    l."action" = 'task.created'
    OR (l."action" IN ('task.moved', 'task.updated')
      AND l."summary"->'before'->>'status' IS DISTINCT FROM l."summary"->'after'->>'status')
  )
ORDER BY l."workspace_id", l."seq";
