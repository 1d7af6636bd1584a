CREATE TABLE "task_month_tally" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"month" date NOT NULL,
	"scope" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_month_tally_workspace_id_project_id_month_pk" PRIMARY KEY("workspace_id","project_id","month")
);
--> statement-breakpoint
ALTER TABLE "check_in" ADD COLUMN "previous_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_month_tally" ADD CONSTRAINT "task_month_tally_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_status_change_created_idx" ON "task_status_change" USING btree ("workspace_id","at","project_id") WHERE "task_status_change"."from_status" is null;--> statement-breakpoint
CREATE INDEX "check_in_workspace_idx" ON "check_in" USING btree ("workspace_id","created_at","project_id","side","previous_at");--> statement-breakpoint
-- Each check-in's previous one by the same side on the project: first those there already, then a
-- trigger for what comes (a row-level BEFORE trigger sees the rows its statement inserted before it;
-- check-ins may arrive out of order, so the next one's previous is moved too).
UPDATE "check_in" c SET "previous_at" = x."prev"
FROM (SELECT "id", lag("created_at") OVER (PARTITION BY "project_id", "side" ORDER BY "created_at", "id") AS "prev" FROM "check_in") x
WHERE x."id" = c."id" AND x."prev" IS NOT NULL;
--> statement-breakpoint
CREATE FUNCTION "check_in_link"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."created_at" INTO NEW."previous_at" FROM "check_in" p
  WHERE p."project_id" = NEW."project_id" AND p."side" = NEW."side" AND (p."created_at", p."id") < (NEW."created_at", NEW."id")
  ORDER BY p."created_at" DESC, p."id" DESC LIMIT 1;
  UPDATE "check_in" n SET "previous_at" = NEW."created_at"
  WHERE n."id" = (
    SELECT q."id" FROM "check_in" q
    WHERE q."project_id" = NEW."project_id" AND q."side" = NEW."side" AND (q."created_at", q."id") > (NEW."created_at", NEW."id")
    ORDER BY q."created_at", q."id" LIMIT 1
  );
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "check_in_link" BEFORE INSERT ON "check_in" FOR EACH ROW EXECUTE FUNCTION "check_in_link"();
--> statement-breakpoint
-- The burn-up's running totals per project and UTC month (see the schema): first from the history
-- there is, then kept by triggers as rows arrive, stretches end (task_status_change_link moves
-- `ended_at`) and tasks are deleted.
INSERT INTO "task_month_tally" ("workspace_id", "project_id", "month", "scope", "done")
SELECT "workspace_id", "project_id", "month", sum("scope"), sum("done")
FROM (
  SELECT "workspace_id", "project_id", date_trunc('month', "at" AT TIME ZONE 'UTC')::date AS "month",
    (CASE WHEN "from_status" IS NULL THEN 1 ELSE 0 END) AS "scope", (CASE WHEN "to_status" = 'done' THEN 1 ELSE 0 END) AS "done"
  FROM "task_status_change"
  UNION ALL
  SELECT "workspace_id", "project_id", date_trunc('month', "ended_at" AT TIME ZONE 'UTC')::date, 0, -1
  FROM "task_status_change" WHERE "to_status" = 'done' AND "ended_at" IS NOT NULL
) d
GROUP BY 1, 2, 3;
--> statement-breakpoint
-- Adds to a month's counts (negative to take a row's counts back). A month not there yet is made,
-- unless the workspace itself is being deleted (its months went first and must not come back).
-- Takings-back may come first: an AFTER INSERT trigger fires at the end of its statement, after
-- the updates that statement's BEFORE triggers made to the rows it inserted earlier.
CREATE FUNCTION "task_month_tally_add"(p_ws uuid, p_project uuid, p_at timestamptz, p_scope int, p_done int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE m date := date_trunc('month', p_at AT TIME ZONE 'UTC')::date;
BEGIN
  UPDATE "task_month_tally" SET "scope" = "scope" + p_scope, "done" = "done" + p_done
  WHERE "workspace_id" = p_ws AND "project_id" = p_project AND "month" = m;
  IF NOT FOUND AND EXISTS (SELECT 1 FROM "workspace" w WHERE w."id" = p_ws) THEN
    INSERT INTO "task_month_tally" AS t ("workspace_id", "project_id", "month", "scope", "done") VALUES (p_ws, p_project, m, p_scope, p_done)
    ON CONFLICT ("workspace_id", "project_id", "month") DO UPDATE SET "scope" = t."scope" + excluded."scope", "done" = t."done" + excluded."done";
  END IF;
END $$;
--> statement-breakpoint
-- A row's counts: its creation (scope), a move to Done (+1 done) and that stretch's end (-1 done); sign -1 takes them back.
CREATE FUNCTION "task_month_tally_row"(r "task_status_change", sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r."from_status" IS NULL OR r."to_status" = 'done' THEN
    PERFORM "task_month_tally_add"(r."workspace_id", r."project_id", r."at",
      sign * (CASE WHEN r."from_status" IS NULL THEN 1 ELSE 0 END), sign * (CASE WHEN r."to_status" = 'done' THEN 1 ELSE 0 END));
  END IF;
  IF r."to_status" = 'done' AND r."ended_at" IS NOT NULL THEN
    PERFORM "task_month_tally_add"(r."workspace_id", r."project_id", r."ended_at", 0, -sign);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION "task_month_tally_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "task_month_tally_row"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "task_month_tally_row"(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_month_tally_insert" AFTER INSERT ON "task_status_change" FOR EACH ROW EXECUTE FUNCTION "task_month_tally_keep"();
--> statement-breakpoint
CREATE TRIGGER "task_month_tally_update" AFTER UPDATE OF "ended_at" ON "task_status_change" FOR EACH ROW
WHEN (OLD."ended_at" IS DISTINCT FROM NEW."ended_at" AND NEW."to_status" = 'done') EXECUTE FUNCTION "task_month_tally_keep"();
--> statement-breakpoint
CREATE TRIGGER "task_month_tally_delete" AFTER DELETE ON "task_status_change" FOR EACH ROW EXECUTE FUNCTION "task_month_tally_keep"();
