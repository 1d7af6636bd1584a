CREATE TYPE "public"."kpi_state" AS ENUM('on', 'at_risk', 'off');--> statement-breakpoint
CREATE TABLE "kpi_computed_state" (
	"kpi_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kpi_version" integer NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision,
	"state" "kpi_state",
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_computed_state" ADD CONSTRAINT "kpi_computed_state_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_computed_state" ADD CONSTRAINT "kpi_computed_state_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;