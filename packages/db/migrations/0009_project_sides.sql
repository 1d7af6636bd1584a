-- Each working side's part of a project (lead, health) becomes a row of project_side, keyed by
-- (project_id, side), instead of column pairs on project. Existing projects keep their data:
-- one marketing row and one IT row are copied from the column pairs before they are dropped.
CREATE TABLE "project_side" (
	"project_id" uuid NOT NULL,
	"side" "side" NOT NULL,
	"lead_id" uuid NOT NULL,
	"health" "health",
	"health_reason" text,
	"health_at" timestamp with time zone,
	CONSTRAINT "project_side_project_id_side_pk" PRIMARY KEY("project_id","side"),
	CONSTRAINT "project_side_working_side" CHECK ("project_side"."side" in ('marketing', 'it'))
);
--> statement-breakpoint
ALTER TABLE "project_side" ADD CONSTRAINT "project_side_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_side" ADD CONSTRAINT "project_side_lead_id_member_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_side_lead_idx" ON "project_side" USING btree ("lead_id");--> statement-breakpoint
INSERT INTO "project_side" ("project_id", "side", "lead_id", "health", "health_reason", "health_at")
	SELECT "id", 'marketing', "marketing_lead_id", "marketing_health", "marketing_health_reason", "marketing_health_at" FROM "project";--> statement-breakpoint
INSERT INTO "project_side" ("project_id", "side", "lead_id", "health", "health_reason", "health_at")
	SELECT "id", 'it', "it_lead_id", "it_health", "it_health_reason", "it_health_at" FROM "project";--> statement-breakpoint
ALTER TABLE "project" DROP CONSTRAINT "project_marketing_lead_id_member_id_fk";--> statement-breakpoint
ALTER TABLE "project" DROP CONSTRAINT "project_it_lead_id_member_id_fk";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "marketing_lead_id";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "it_lead_id";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "marketing_health";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "marketing_health_reason";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "marketing_health_at";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "it_health";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "it_health_reason";--> statement-breakpoint
ALTER TABLE "project" DROP COLUMN "it_health_at";
