CREATE TYPE "public"."catalogue_status" AS ENUM('published', 'closed');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('instrument', 'test_site', 'capacity', 'brand', 'design', 'rd');--> statement-breakpoint
CREATE TYPE "public"."resource_request_status" AS ENUM('requested', 'accepted', 'declined', 'withdrawn', 'completed');--> statement-breakpoint
CREATE TYPE "public"."tech_application_status" AS ENUM('applied', 'chosen', 'not_chosen', 'withdrawn', 'contracted', 'completed');--> statement-breakpoint
CREATE TYPE "public"."tech_field" AS ENUM('intelligent_manufacturing', 'industrial_internet', 'biomedicine', 'new_materials', 'new_energy', 'food_agriculture', 'testing_services', 'green_construction');--> statement-breakpoint
CREATE TYPE "public"."tech_ip_kind" AS ENUM('invention_patent', 'utility_model', 'software_copyright', 'know_how', 'none');--> statement-breakpoint
CREATE TYPE "public"."tech_maturity" AS ENUM('lab', 'prototype', 'pilot', 'industrialised');--> statement-breakpoint
CREATE TABLE "resource_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resource_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"resource_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"status" "resource_request_status" DEFAULT 'requested' NOT NULL,
	"answer" text,
	"requested_by" bigint,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "resource_requests_period" CHECK ("resource_requests"."from_date" <= "resource_requests"."to_date")
);
--> statement-breakpoint
CREATE TABLE "shared_resources" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shared_resources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"terms_of_use" text DEFAULT '' NOT NULL,
	"status" "catalogue_status" DEFAULT 'published' NOT NULL,
	"posted_by" bigint,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "shared_resources_title" CHECK (char_length("shared_resources"."title") between 2 and 200)
);
--> statement-breakpoint
CREATE TABLE "tech_achievements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tech_achievements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"field" "tech_field" NOT NULL,
	"maturity" "tech_maturity" NOT NULL,
	"ip_kind" "tech_ip_kind" NOT NULL,
	"ip_number" text,
	"owner" text NOT NULL,
	"team" text NOT NULL,
	"unit_code" text,
	"contact_name_enc" text,
	"contact_phone_enc" text,
	"status" "catalogue_status" DEFAULT 'published' NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tech_achievements_title" CHECK (char_length("tech_achievements"."title") between 2 and 200)
);
--> statement-breakpoint
CREATE TABLE "tech_applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tech_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"demand_id" bigint NOT NULL,
	"organisation" text NOT NULL,
	"team" text NOT NULL,
	"achievement_id" bigint,
	"proposal" text NOT NULL,
	"quote" bigint,
	"status" "tech_application_status" DEFAULT 'applied' NOT NULL,
	"contract_amount" bigint,
	"contract_signed_on" date,
	"completed_on" date,
	"support_amount" bigint,
	"support_note" text,
	"applied_by" bigint,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tech_applications_quote" CHECK ("tech_applications"."quote" is null or "tech_applications"."quote" > 0),
	CONSTRAINT "tech_applications_contract" CHECK (("tech_applications"."status" in ('contracted', 'completed')) = ("tech_applications"."contract_amount" is not null and "tech_applications"."contract_signed_on" is not null)),
	CONSTRAINT "tech_applications_contract_amount" CHECK ("tech_applications"."contract_amount" is null or "tech_applications"."contract_amount" > 0),
	CONSTRAINT "tech_applications_completed" CHECK (("tech_applications"."status" = 'completed') = ("tech_applications"."completed_on" is not null)),
	CONSTRAINT "tech_applications_support" CHECK ("tech_applications"."support_amount" is null or "tech_applications"."support_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tech_demands" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tech_demands_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"field" "tech_field" NOT NULL,
	"budget" bigint NOT NULL,
	"deadline" date NOT NULL,
	"status" "catalogue_status" DEFAULT 'published' NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"posted_by" bigint,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tech_demands_budget" CHECK ("tech_demands"."budget" > 0),
	CONSTRAINT "tech_demands_title" CHECK (char_length("tech_demands"."title") between 2 and 200)
);
--> statement-breakpoint
CREATE TABLE "tech_term_stats" (
	"catalogue" text NOT NULL,
	"term" text NOT NULL,
	"df" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tech_term_stats_catalogue" CHECK ("tech_term_stats"."catalogue" in ('achievement', 'demand'))
);
--> statement-breakpoint
ALTER TABLE "resource_requests" ADD CONSTRAINT "resource_requests_resource_id_shared_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."shared_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_requests" ADD CONSTRAINT "resource_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_requests" ADD CONSTRAINT "resource_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_resources" ADD CONSTRAINT "shared_resources_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_resources" ADD CONSTRAINT "shared_resources_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_achievements" ADD CONSTRAINT "tech_achievements_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_achievements" ADD CONSTRAINT "tech_achievements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_applications" ADD CONSTRAINT "tech_applications_demand_id_tech_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."tech_demands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_applications" ADD CONSTRAINT "tech_applications_achievement_id_tech_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."tech_achievements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_applications" ADD CONSTRAINT "tech_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_demands" ADD CONSTRAINT "tech_demands_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_demands" ADD CONSTRAINT "tech_demands_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_requests_one_open" ON "resource_requests" USING btree ("resource_id","enterprise_id") WHERE "resource_requests"."status" in ('requested', 'accepted');--> statement-breakpoint
CREATE INDEX "resource_requests_enterprise_idx" ON "resource_requests" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "shared_resources_enterprise_idx" ON "shared_resources" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "shared_resources_kind_idx" ON "shared_resources" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "tech_achievements_search_idx" ON "tech_achievements" USING gin ("search");--> statement-breakpoint
CREATE INDEX "tech_achievements_owner_idx" ON "tech_achievements" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "tech_achievements_field_idx" ON "tech_achievements" USING btree ("field","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_applications_once" ON "tech_applications" USING btree ("demand_id","organisation");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_applications_one_chosen" ON "tech_applications" USING btree ("demand_id") WHERE "tech_applications"."status" in ('chosen', 'contracted', 'completed');--> statement-breakpoint
CREATE INDEX "tech_demands_search_idx" ON "tech_demands" USING gin ("search");--> statement-breakpoint
CREATE INDEX "tech_demands_enterprise_idx" ON "tech_demands" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "tech_demands_field_idx" ON "tech_demands" USING btree ("field","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_term_stats_key" ON "tech_term_stats" USING btree ("catalogue","term");