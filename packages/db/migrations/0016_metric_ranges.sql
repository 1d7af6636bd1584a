ALTER TABLE "check_in" ADD COLUMN "previous_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "task_created_idx" ON "task" USING btree ("workspace_id","created_at","project_id");--> statement-breakpoint
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
