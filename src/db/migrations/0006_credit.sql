CREATE TYPE "public"."credit_severity" AS ENUM('minor', 'general', 'serious');--> statement-breakpoint
CREATE TYPE "public"."delivered_documents" AS ENUM('both', 'decision_only');--> statement-breakpoint
CREATE TYPE "public"."delivery_method" AS ENUM('direct', 'post', 'electronic', 'left_at_premises', 'entrusted', 'public_announcement');--> statement-breakpoint
CREATE TYPE "public"."penalty_procedure" AS ENUM('simple', 'ordinary');--> statement-breakpoint
CREATE TYPE "public"."repair_state" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "penalty_agencies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penalty_agencies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"doc_prefix" text NOT NULL,
	"sector" text NOT NULL,
	"address" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_agency_users" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"agency_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penalty_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agency_id" bigint NOT NULL,
	"decision_no" text NOT NULL,
	"party_name" text NOT NULL,
	"uscc" text NOT NULL,
	"enterprise_id" bigint,
	"decision_date" date NOT NULL,
	"procedure" "penalty_procedure" NOT NULL,
	"sector" text NOT NULL,
	"penalties" jsonb NOT NULL,
	"amount_total" bigint DEFAULT 0 NOT NULL,
	"legal_basis" text NOT NULL,
	"violation" text,
	"agency_severity" "credit_severity",
	"publish_minor" boolean DEFAULT false NOT NULL,
	"low_amount_fine" boolean DEFAULT false NOT NULL,
	"rule_set" text NOT NULL,
	"severity" "credit_severity" NOT NULL,
	"notice_required" boolean NOT NULL,
	"published" boolean NOT NULL,
	"publicity_from" date,
	"earliest_repair_on" date,
	"publicity_ends_on" date,
	"repair_working_days" integer NOT NULL,
	"assessment" jsonb NOT NULL,
	"notice_no" text,
	"registered_by" bigint,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "penalty_decisions_amount_nonneg" CHECK ("penalty_decisions"."amount_total" >= 0),
	CONSTRAINT "penalty_decisions_periods_ordered" CHECK ("penalty_decisions"."earliest_repair_on" is null or ("penalty_decisions"."publicity_from" <= "penalty_decisions"."earliest_repair_on" and ("penalty_decisions"."publicity_ends_on" is null or "penalty_decisions"."earliest_repair_on" <= "penalty_decisions"."publicity_ends_on" + 1))),
	CONSTRAINT "penalty_decisions_repair_days_positive" CHECK ("penalty_decisions"."repair_working_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "penalty_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penalty_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"decision_id" bigint NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"method" "delivery_method" NOT NULL,
	"documents" "delivered_documents" NOT NULL,
	"recipient" text NOT NULL,
	"receipt_ref" text NOT NULL,
	"recorded_by" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repair_applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "repair_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"decision_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"received_on" date NOT NULL,
	"materials" jsonb NOT NULL,
	"statement" text NOT NULL,
	"due_on" date NOT NULL,
	"state" "repair_state" DEFAULT 'pending' NOT NULL,
	"decided_on" date,
	"reason" text,
	"decided_by" bigint,
	"trace" jsonb NOT NULL,
	"applied_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repair_applications_due_after_receipt" CHECK ("repair_applications"."due_on" > "repair_applications"."received_on"),
	CONSTRAINT "repair_applications_decided" CHECK (("repair_applications"."state" = 'pending') = ("repair_applications"."decided_on" is null)),
	CONSTRAINT "repair_applications_rejection_reason" CHECK ("repair_applications"."state" <> 'rejected' or length(coalesce("repair_applications"."reason", '')) > 0)
);
--> statement-breakpoint
ALTER TABLE "penalty_agency_users" ADD CONSTRAINT "penalty_agency_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_agency_users" ADD CONSTRAINT "penalty_agency_users_agency_id_penalty_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."penalty_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_decisions" ADD CONSTRAINT "penalty_decisions_agency_id_penalty_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."penalty_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_decisions" ADD CONSTRAINT "penalty_decisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_decisions" ADD CONSTRAINT "penalty_decisions_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_deliveries" ADD CONSTRAINT "penalty_deliveries_decision_id_penalty_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."penalty_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_deliveries" ADD CONSTRAINT "penalty_deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_applications" ADD CONSTRAINT "repair_applications_decision_id_penalty_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."penalty_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_applications" ADD CONSTRAINT "repair_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_applications" ADD CONSTRAINT "repair_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_applications" ADD CONSTRAINT "repair_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_agencies_name" ON "penalty_agencies" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_decisions_agency_no" ON "penalty_decisions" USING btree ("agency_id","decision_no");--> statement-breakpoint
CREATE INDEX "penalty_decisions_enterprise_idx" ON "penalty_decisions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "penalty_decisions_date_idx" ON "penalty_decisions" USING btree ("agency_id","decision_date");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_deliveries_decision" ON "penalty_deliveries" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repair_applications_one_pending" ON "repair_applications" USING btree ("decision_id") WHERE "repair_applications"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "repair_applications_one_approved" ON "repair_applications" USING btree ("decision_id") WHERE "repair_applications"."state" = 'approved';--> statement-breakpoint
CREATE INDEX "repair_applications_enterprise_idx" ON "repair_applications" USING btree ("enterprise_id");