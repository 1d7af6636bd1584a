CREATE TYPE "public"."kpi_cadence" AS ENUM('weekly', 'monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."kpi_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."kpi_owner" AS ENUM('marketing', 'it', 'joint');--> statement-breakpoint
CREATE TYPE "public"."kpi_source" AS ENUM('entered', 'imported', 'computed');--> statement-breakpoint
CREATE TYPE "public"."kpi_unit" AS ENUM('count', 'percent', 'currency', 'duration');--> statement-breakpoint
CREATE TYPE "public"."signature_verdict" AS ENUM('signed', 'objected');--> statement-breakpoint
CREATE TYPE "public"."widget_kind" AS ENUM('kpi_tile', 'kpi_line', 'kpi_bar', 'health_matrix', 'burn_up', 'feed_strip');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'kpi_off_target';--> statement-breakpoint
CREATE TABLE "kpi" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" "kpi_unit" NOT NULL,
	"currency" text,
	"direction" "kpi_direction" NOT NULL,
	"target" double precision NOT NULL,
	"at_risk" double precision NOT NULL,
	"cadence" "kpi_cadence" NOT NULL,
	"owner" "kpi_owner" NOT NULL,
	"source" "kpi_source" NOT NULL,
	"formula" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"agreed_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_currency_code" CHECK (("kpi"."unit" = 'currency') = ("kpi"."currency" is not null)),
	CONSTRAINT "kpi_formula_computed" CHECK (("kpi"."source" = 'computed') = ("kpi"."formula" is not null))
);
--> statement-breakpoint
CREATE TABLE "kpi_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text DEFAULT '' NOT NULL,
	"acknowledged" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_project" (
	"kpi_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "kpi_project_kpi_id_project_id_pk" PRIMARY KEY("kpi_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_signature" (
	"kpi_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"side" "side" NOT NULL,
	"member_id" uuid NOT NULL,
	"verdict" "signature_verdict" NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_signature_kpi_id_version_side_pk" PRIMARY KEY("kpi_id","version","side"),
	CONSTRAINT "kpi_signature_working_side" CHECK ("kpi_signature"."side" in ('marketing', 'it')),
	CONSTRAINT "kpi_signature_reason" CHECK ("kpi_signature"."verdict" = 'signed' or "kpi_signature"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "kpi_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"revision" integer NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source_url" text,
	"imported" boolean DEFAULT false NOT NULL,
	"kpi_version" integer NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_value_period_revision_uq" UNIQUE("kpi_id","period_start","revision")
);
--> statement-breakpoint
CREATE TABLE "kpi_version" (
	"kpi_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_version_kpi_id_version_pk" PRIMARY KEY("kpi_id","version")
);
--> statement-breakpoint
CREATE TABLE "dashboard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_widget" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"dashboard_id" uuid NOT NULL,
	"kind" "widget_kind" NOT NULL,
	"config" jsonb NOT NULL,
	"position" double precision NOT NULL,
	"width" integer DEFAULT 1 NOT NULL,
	"height" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dashboard_widget_size" CHECK ("dashboard_widget"."width" between 1 and 4 and "dashboard_widget"."height" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "kpi_id" uuid;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_created_by_id_member_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."member"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_comment" ADD CONSTRAINT "kpi_comment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_comment" ADD CONSTRAINT "kpi_comment_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_comment" ADD CONSTRAINT "kpi_comment_author_id_member_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."member"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_project" ADD CONSTRAINT "kpi_project_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_project" ADD CONSTRAINT "kpi_project_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_signature" ADD CONSTRAINT "kpi_signature_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_signature" ADD CONSTRAINT "kpi_signature_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_recorded_by_id_member_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."member"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_version" ADD CONSTRAINT "kpi_version_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_version" ADD CONSTRAINT "kpi_version_created_by_id_member_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."member"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard" ADD CONSTRAINT "dashboard_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard" ADD CONSTRAINT "dashboard_created_by_id_member_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."member"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_widget" ADD CONSTRAINT "dashboard_widget_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_widget" ADD CONSTRAINT "dashboard_widget_dashboard_id_dashboard_id_fk" FOREIGN KEY ("dashboard_id") REFERENCES "public"."dashboard"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_workspace_idx" ON "kpi" USING btree ("workspace_id","retired_at","name");--> statement-breakpoint
CREATE INDEX "kpi_comment_kpi_idx" ON "kpi_comment" USING btree ("kpi_id","created_at");--> statement-breakpoint
CREATE INDEX "kpi_project_project_idx" ON "kpi_project" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "kpi_value_workspace_idx" ON "kpi_value" USING btree ("workspace_id","kpi_id");--> statement-breakpoint
CREATE INDEX "dashboard_workspace_idx" ON "dashboard" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_one_shared_uq" ON "dashboard" USING btree ("workspace_id") WHERE "dashboard"."shared";--> statement-breakpoint
CREATE INDEX "dashboard_widget_dashboard_idx" ON "dashboard_widget" USING btree ("dashboard_id","position");