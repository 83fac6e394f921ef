CREATE TYPE "public"."measure_progress" AS ENUM('on_track', 'behind');--> statement-breakpoint
CREATE TYPE "public"."measure_report_status" AS ENUM('draft', 'submitted', 'returned', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."responsible_unit_kind" AS ENUM('department', 'group', 'office');--> statement-breakpoint
CREATE TABLE "measure_reminders" (
	"measure" integer NOT NULL,
	"unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_reminders_measure_unit_id_period_pk" PRIMARY KEY("measure","unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "measure_report_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_report_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" bigint,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_report_attachments_size" CHECK ("measure_report_attachments"."size_bytes" > 0 and "measure_report_attachments"."size_bytes" <= 5242880 and octet_length("measure_report_attachments"."content") = "measure_report_attachments"."size_bytes"),
	CONSTRAINT "measure_report_attachments_sha256" CHECK ("measure_report_attachments"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "measure_report_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" bigint NOT NULL,
	"action" text NOT NULL,
	"status_after" "measure_report_status" NOT NULL,
	"reason" text,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measure" integer NOT NULL,
	"unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"status" "measure_report_status" DEFAULT 'draft' NOT NULL,
	"progress" "measure_progress",
	"summary" text DEFAULT '' NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" bigint,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_reports_measure" CHECK ("measure_reports"."measure" between 1 and 13),
	CONSTRAINT "measure_reports_period" CHECK ("measure_reports"."period" ~ '^[0-9]{4}Q[1-4]$'),
	CONSTRAINT "measure_reports_returned_reason" CHECK ("measure_reports"."status" <> 'returned' or length("measure_reports"."return_reason") > 0),
	CONSTRAINT "measure_reports_submitted_at" CHECK ("measure_reports"."status" = 'draft' or "measure_reports"."submitted_at" is not null),
	CONSTRAINT "measure_reports_summary" CHECK (length("measure_reports"."summary") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "responsible_unit_members" (
	"user_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	CONSTRAINT "responsible_unit_members_user_id_unit_id_pk" PRIMARY KEY("user_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "responsible_units" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "responsible_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "responsible_unit_kind" NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "responsible_units_name" UNIQUE("name_zh")
);
--> statement-breakpoint
ALTER TABLE "measure_reminders" ADD CONSTRAINT "measure_reminders_unit_id_responsible_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."responsible_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_report_attachments" ADD CONSTRAINT "measure_report_attachments_report_id_measure_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."measure_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_report_attachments" ADD CONSTRAINT "measure_report_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_report_events" ADD CONSTRAINT "measure_report_events_report_id_measure_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."measure_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_report_events" ADD CONSTRAINT "measure_report_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD CONSTRAINT "measure_reports_unit_id_responsible_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."responsible_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD CONSTRAINT "measure_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD CONSTRAINT "measure_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsible_unit_members" ADD CONSTRAINT "responsible_unit_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsible_unit_members" ADD CONSTRAINT "responsible_unit_members_unit_id_responsible_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."responsible_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measure_report_attachments_sha" ON "measure_report_attachments" USING btree ("report_id","sha256");--> statement-breakpoint
CREATE INDEX "measure_report_events_report_idx" ON "measure_report_events" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_reports_once" ON "measure_reports" USING btree ("measure","unit_id","period");--> statement-breakpoint
CREATE INDEX "measure_reports_period_idx" ON "measure_reports" USING btree ("period","status");