DROP INDEX "task_status_change_status_idx";--> statement-breakpoint
ALTER TABLE "task_status_change" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_status_change" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comment" ADD COLUMN "asked_side" "side";--> statement-breakpoint
ALTER TABLE "comment" ADD COLUMN "answered_at" timestamp with time zone;
--> statement-breakpoint
-- The inputs of the computed KPIs, kept as the work is written (see the schema's comments), so that
-- each metric reads one index range. First what is there already, then triggers for what comes.
-- A status change ends at the task's next change; its start is the task's first move to In progress up to it.
UPDATE "task_status_change" c SET "ended_at" = x."next_at", "started_at" = x."started_at"
FROM (
  SELECT "id", lead("at") OVER w AS "next_at", min("at") FILTER (WHERE "to_status" = 'in_progress') OVER w AS "started_at"
  FROM "task_status_change"
  WINDOW w AS (PARTITION BY "task_id" ORDER BY "at", "id")
) x
WHERE x."id" = c."id" AND (x."next_at" IS NOT NULL OR x."started_at" IS NOT NULL);
--> statement-breakpoint
-- Before each new change (rows may arrive out of order, several in one statement: a row-level
-- BEFORE trigger sees the rows its statement inserted before it): its own end and start, the end
-- of the change before it, and the start of later ones if this is the task's first start.
CREATE FUNCTION "task_status_change_link"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT n."at" INTO NEW."ended_at" FROM "task_status_change" n
  WHERE n."task_id" = NEW."task_id" AND (n."at", n."id") > (NEW."at", NEW."id")
  ORDER BY n."at", n."id" LIMIT 1;
  SELECT min(s."at") INTO NEW."started_at" FROM "task_status_change" s
  WHERE s."task_id" = NEW."task_id" AND s."to_status" = 'in_progress' AND (s."at", s."id") < (NEW."at", NEW."id");
  UPDATE "task_status_change" p SET "ended_at" = NEW."at"
  WHERE p."id" = (
    SELECT q."id" FROM "task_status_change" q
    WHERE q."task_id" = NEW."task_id" AND (q."at", q."id") < (NEW."at", NEW."id")
    ORDER BY q."at" DESC, q."id" DESC LIMIT 1
  );
  IF NEW."to_status" = 'in_progress' THEN
    NEW."started_at" := coalesce(NEW."started_at", NEW."at");
    UPDATE "task_status_change" l SET "started_at" = NEW."at"
    WHERE l."task_id" = NEW."task_id" AND (l."at", l."id") > (NEW."at", NEW."id") AND (l."started_at" IS NULL OR l."started_at" > NEW."at");
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_status_change_link" BEFORE INSERT ON "task_status_change" FOR EACH ROW EXECUTE FUNCTION "task_status_change_link"();
--> statement-breakpoint
-- The first comment after `p_after` in a thread (a task's comments, or the project's own) by a member of side `p_side`.
CREATE FUNCTION "comment_first_answer"(p_ws uuid, p_project uuid, p_task uuid, p_after timestamptz, p_side "side") RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE answered timestamptz;
BEGIN
  IF p_task IS NULL THEN
    SELECT r."created_at" INTO answered FROM "comment" r JOIN "member" m ON m."id" = r."author_id"
    WHERE r."workspace_id" = p_ws AND r."project_id" = p_project AND r."task_id" IS NULL AND r."created_at" > p_after AND m."side" = p_side
    ORDER BY r."created_at" LIMIT 1;
  ELSE
    SELECT r."created_at" INTO answered FROM "comment" r JOIN "member" m ON m."id" = r."author_id"
    WHERE r."workspace_id" = p_ws AND r."project_id" = p_project AND r."task_id" = p_task AND r."created_at" > p_after AND m."side" = p_side
    ORDER BY r."created_at" LIMIT 1;
  END IF;
  RETURN answered;
END $$;
--> statement-breakpoint
-- A comment asks the other side when its author is on one working side and it mentions a member of the other.
UPDATE "comment" c SET "asked_side" = asked."side"
FROM (
  SELECT DISTINCT cm."comment_id", m."side"
  FROM "comment_mention" cm
  JOIN "comment" q ON q."id" = cm."comment_id"
  JOIN "member" a ON a."id" = q."author_id"
  JOIN "member" m ON m."id" = cm."member_id"
  WHERE a."side" IN ('marketing', 'it') AND m."side" IN ('marketing', 'it') AND m."side" <> a."side"
) asked
WHERE c."id" = asked."comment_id";
--> statement-breakpoint
UPDATE "comment" c SET "answered_at" = "comment_first_answer"(c."workspace_id", c."project_id", c."task_id", c."created_at", c."asked_side")
WHERE c."asked_side" IS NOT NULL;
--> statement-breakpoint
-- A mention written after its comment (createComment writes them next) may make the comment an ask.
CREATE FUNCTION "comment_ask_mentioned"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "comment" c SET "asked_side" = m."side", "answered_at" = "comment_first_answer"(c."workspace_id", c."project_id", c."task_id", c."created_at", m."side")
  FROM "member" a, "member" m
  WHERE c."id" = NEW."comment_id" AND c."asked_side" IS NULL AND a."id" = c."author_id" AND m."id" = NEW."member_id"
    AND a."side" IN ('marketing', 'it') AND m."side" IN ('marketing', 'it') AND m."side" <> a."side";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "comment_ask_mentioned" AFTER INSERT ON "comment_mention" FOR EACH ROW EXECUTE FUNCTION "comment_ask_mentioned"();
--> statement-breakpoint
-- A comment by a member of a working side answers the earlier asks of that side in its thread that had no earlier answer.
CREATE FUNCTION "comment_answer_asks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE author_side "side";
BEGIN
  SELECT m."side" INTO author_side FROM "member" m WHERE m."id" = NEW."author_id";
  IF author_side IS NULL OR author_side NOT IN ('marketing', 'it') THEN
    RETURN NULL;
  END IF;
  IF NEW."task_id" IS NULL THEN
    UPDATE "comment" q SET "answered_at" = NEW."created_at"
    WHERE q."workspace_id" = NEW."workspace_id" AND q."project_id" = NEW."project_id" AND q."task_id" IS NULL
      AND q."asked_side" = author_side AND q."created_at" < NEW."created_at" AND (q."answered_at" IS NULL OR q."answered_at" > NEW."created_at");
  ELSE
    UPDATE "comment" q SET "answered_at" = NEW."created_at"
    WHERE q."workspace_id" = NEW."workspace_id" AND q."project_id" = NEW."project_id" AND q."task_id" = NEW."task_id"
      AND q."asked_side" = author_side AND q."created_at" < NEW."created_at" AND (q."answered_at" IS NULL OR q."answered_at" > NEW."created_at");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "comment_answer_asks" AFTER INSERT ON "comment" FOR EACH ROW EXECUTE FUNCTION "comment_answer_asks"();
--> statement-breakpoint
CREATE INDEX "task_status_change_stretch_idx" ON "task_status_change" USING btree ("workspace_id","to_status","ended_at","at","side","project_id","started_at");
--> statement-breakpoint
CREATE INDEX "comment_answered_idx" ON "comment" USING btree ("workspace_id","answered_at","asked_side","project_id","created_at") WHERE "comment"."asked_side" is not null;
