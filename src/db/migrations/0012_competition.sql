CREATE TYPE "public"."competition_fund_level" AS ENUM('national', 'provincial', 'city', 'district');--> statement-breakpoint
CREATE TYPE "public"."competition_group" AS ENUM('enterprise', 'maker');--> statement-breakpoint
CREATE TYPE "public"."competition_interest_level" AS ENUM('strong', 'moderate', 'watching');--> statement-breakpoint
CREATE TYPE "public"."competition_investment_status" AS ENUM('intent', 'due_diligence', 'signed', 'disbursed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."competition_stage_kind" AS ENUM('registration', 'preliminary', 'semi_final', 'final', 'roadshow');--> statement-breakpoint
CREATE TABLE "competition_assignments" (
	"stage_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"judge_id" bigint NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_assignments_stage_id_entry_id_judge_id_pk" PRIMARY KEY("stage_id","entry_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "competition_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" bigint,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_attachments_size" CHECK ("competition_attachments"."size_bytes" > 0 and "competition_attachments"."size_bytes" <= 10485760 and octet_length("competition_attachments"."content") = "competition_attachments"."size_bytes"),
	CONSTRAINT "competition_attachments_sha256" CHECK ("competition_attachments"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "competition_editions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_editions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_editions_year_range" CHECK ("competition_editions"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "competition_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"edition_id" bigint NOT NULL,
	"code" text NOT NULL,
	"group" "competition_group" NOT NULL,
	"track_id" bigint NOT NULL,
	"project_name" text NOT NULL,
	"summary" text NOT NULL,
	"entrant_name" text NOT NULL,
	"enterprise_id" bigint,
	"organisation" text,
	"leader_name" text NOT NULL,
	"unit_code" text,
	"facts" jsonb NOT NULL,
	"eligible" boolean NOT NULL,
	"eligibility" jsonb NOT NULL,
	"reached_stage" "competition_stage_kind" NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" bigint
);
--> statement-breakpoint
CREATE TABLE "competition_investments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_investments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" bigint NOT NULL,
	"fund_name" text NOT NULL,
	"fund_level" "competition_fund_level" NOT NULL,
	"amount_yuan" bigint NOT NULL,
	"status" "competition_investment_status" NOT NULL,
	"status_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "competition_investments_amount" CHECK ("competition_investments"."amount_yuan" > 0)
);
--> statement-breakpoint
CREATE TABLE "competition_investor_interests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_investor_interests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" bigint NOT NULL,
	"investor_name" text NOT NULL,
	"level" "competition_interest_level" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_judge_ties" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_judge_ties_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"edition_id" bigint NOT NULL,
	"judge_id" bigint NOT NULL,
	"entry_id" bigint,
	"organisation" text,
	"note" text NOT NULL,
	"declared_by" bigint,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_judge_ties_target" CHECK ("competition_judge_ties"."entry_id" is not null or "competition_judge_ties"."organisation" is not null)
);
--> statement-breakpoint
CREATE TABLE "competition_pool_members" (
	"stage_id" bigint NOT NULL,
	"judge_id" bigint NOT NULL,
	CONSTRAINT "competition_pool_members_stage_id_judge_id_pk" PRIMARY KEY("stage_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "competition_results" (
	"stage_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"group" "competition_group" NOT NULL,
	"rank" integer NOT NULL,
	"score_centi" integer NOT NULL,
	"judges" integer NOT NULL,
	"advanced" boolean NOT NULL,
	"recommendation" text,
	"explanation" jsonb NOT NULL,
	CONSTRAINT "competition_results_stage_id_entry_id_pk" PRIMARY KEY("stage_id","entry_id"),
	CONSTRAINT "competition_results_recommendation" CHECK ("competition_results"."recommendation" is null or "competition_results"."recommendation" in ('national', 'provincial'))
);
--> statement-breakpoint
CREATE TABLE "competition_scores" (
	"stage_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"judge_id" bigint NOT NULL,
	"criteria" jsonb NOT NULL,
	"total_centi" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_scores_stage_id_entry_id_judge_id_pk" PRIMARY KEY("stage_id","entry_id","judge_id"),
	CONSTRAINT "competition_scores_total" CHECK ("competition_scores"."total_centi" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "competition_stages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_stages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"edition_id" bigint NOT NULL,
	"kind" "competition_stage_kind" NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"rubric" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"judges_per_entry" integer DEFAULT 5 NOT NULL,
	"min_judges" integer DEFAULT 3 NOT NULL,
	"trim_at_least" integer DEFAULT 5 NOT NULL,
	"advance_count" integer,
	"advance_share_percent" integer,
	"ranked_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "competition_stages_dates" CHECK ("competition_stages"."closes_on" >= "competition_stages"."opens_on"),
	CONSTRAINT "competition_stages_settings" CHECK ("competition_stages"."judges_per_entry" between 1 and 30 and "competition_stages"."min_judges" between 1 and "competition_stages"."judges_per_entry" and "competition_stages"."trim_at_least" >= 3),
	CONSTRAINT "competition_stages_advance" CHECK (("competition_stages"."advance_count" is null or "competition_stages"."advance_count" >= 0) and ("competition_stages"."advance_share_percent" is null or "competition_stages"."advance_share_percent" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "competition_tracks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_tracks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"edition_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_assignments" ADD CONSTRAINT "competition_assignments_stage_id_competition_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."competition_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_assignments" ADD CONSTRAINT "competition_assignments_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_assignments" ADD CONSTRAINT "competition_assignments_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_attachments" ADD CONSTRAINT "competition_attachments_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_attachments" ADD CONSTRAINT "competition_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_edition_id_competition_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."competition_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_track_id_competition_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."competition_tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_investments" ADD CONSTRAINT "competition_investments_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_investor_interests" ADD CONSTRAINT "competition_investor_interests_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judge_ties" ADD CONSTRAINT "competition_judge_ties_edition_id_competition_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."competition_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judge_ties" ADD CONSTRAINT "competition_judge_ties_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judge_ties" ADD CONSTRAINT "competition_judge_ties_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judge_ties" ADD CONSTRAINT "competition_judge_ties_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_pool_members" ADD CONSTRAINT "competition_pool_members_stage_id_competition_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."competition_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_pool_members" ADD CONSTRAINT "competition_pool_members_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_stage_id_competition_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."competition_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_assignment_fk" FOREIGN KEY ("stage_id","entry_id","judge_id") REFERENCES "public"."competition_assignments"("stage_id","entry_id","judge_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stages" ADD CONSTRAINT "competition_stages_edition_id_competition_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."competition_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_tracks" ADD CONSTRAINT "competition_tracks_edition_id_competition_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."competition_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_assignments_judge_idx" ON "competition_assignments" USING btree ("judge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_attachments_entry_sha" ON "competition_attachments" USING btree ("entry_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_editions_year" ON "competition_editions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_code" ON "competition_entries" USING btree ("edition_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_enterprise" ON "competition_entries" USING btree ("edition_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_project" ON "competition_entries" USING btree ("edition_id","project_name");--> statement-breakpoint
CREATE INDEX "competition_entries_edition_idx" ON "competition_entries" USING btree ("edition_id","group");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_investments_entry_fund" ON "competition_investments" USING btree ("entry_id","fund_name");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_interest_entry_investor" ON "competition_investor_interests" USING btree ("entry_id","investor_name");--> statement-breakpoint
CREATE INDEX "competition_judge_ties_judge_idx" ON "competition_judge_ties" USING btree ("edition_id","judge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_results_rank" ON "competition_results" USING btree ("stage_id","group","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_stages_kind" ON "competition_stages" USING btree ("edition_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_tracks_code" ON "competition_tracks" USING btree ("edition_id","code");