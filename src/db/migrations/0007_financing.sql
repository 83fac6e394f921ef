CREATE TYPE "public"."consent_action" AS ENUM('grant', 'withdraw');--> statement-breakpoint
CREATE TYPE "public"."demand_status" AS ENUM('open', 'funded', 'closed');--> statement-breakpoint
CREATE TYPE "public"."financing_collateral" AS ENUM('credit', 'ip_pledge', 'guarantee', 'insurance');--> statement-breakpoint
CREATE TYPE "public"."institution_kind" AS ENUM('bank', 'guarantee', 'insurer');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('credit_loan', 'ip_pledge_loan', 'guarantee', 'insurance');--> statement-breakpoint
CREATE TYPE "public"."response_kind" AS ENUM('interested', 'offer', 'declined');--> statement-breakpoint
CREATE TABLE "financial_institutions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financial_institutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "institution_kind" NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_consents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financing_consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"action" "consent_action" NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_consents_seq" UNIQUE("enterprise_id","seq"),
	CONSTRAINT "financing_consents_seq_positive" CHECK ("financing_consents"."seq" >= 1),
	CONSTRAINT "financing_consents_fields" CHECK (("financing_consents"."action" = 'grant') = (cardinality("financing_consents"."fields") > 0))
);
--> statement-breakpoint
CREATE TABLE "financing_demands" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financing_demands_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"purpose" text NOT NULL,
	"collateral" "financing_collateral" NOT NULL,
	"status" "demand_status" DEFAULT 'open' NOT NULL,
	"posted_by" bigint,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "financing_demands_amount_positive" CHECK ("financing_demands"."amount" > 0),
	CONSTRAINT "financing_demands_term" CHECK ("financing_demands"."term_months" between 1 and 360),
	CONSTRAINT "financing_demands_closed" CHECK (("financing_demands"."status" = 'open') = ("financing_demands"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "financing_loans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financing_loans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"demand_id" bigint,
	"amount" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"term_months" integer NOT NULL,
	"loan_type" "financing_collateral" NOT NULL,
	"guarantor_id" bigint,
	"guarantee_fee_bp" integer,
	"granted_on" date NOT NULL,
	"recorded_by" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_loans_amount_positive" CHECK ("financing_loans"."amount" > 0),
	CONSTRAINT "financing_loans_rate" CHECK ("financing_loans"."rate_bp" between 1 and 5000),
	CONSTRAINT "financing_loans_term" CHECK ("financing_loans"."term_months" between 1 and 360),
	CONSTRAINT "financing_loans_guarantor" CHECK (("financing_loans"."loan_type" in ('guarantee', 'insurance')) = ("financing_loans"."guarantor_id" is not null)),
	CONSTRAINT "financing_loans_fee" CHECK ("financing_loans"."guarantee_fee_bp" is null or ("financing_loans"."guarantor_id" is not null and "financing_loans"."guarantee_fee_bp" between 0 and 1000))
);
--> statement-breakpoint
CREATE TABLE "financing_products" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financing_products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"institution_id" bigint NOT NULL,
	"kind" "product_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"eligible_titles" "title_kind"[] NOT NULL,
	"min_amount" bigint,
	"max_amount" bigint NOT NULL,
	"max_term_months" integer NOT NULL,
	"rate_min_bp" integer,
	"rate_max_bp" integer,
	"fee_rate_bp" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_products_name" UNIQUE("institution_id","name"),
	CONSTRAINT "financing_products_titles" CHECK (cardinality("financing_products"."eligible_titles") > 0),
	CONSTRAINT "financing_products_amounts" CHECK ("financing_products"."max_amount" > 0 and ("financing_products"."min_amount" is null or ("financing_products"."min_amount" > 0 and "financing_products"."min_amount" <= "financing_products"."max_amount"))),
	CONSTRAINT "financing_products_term" CHECK ("financing_products"."max_term_months" between 1 and 360),
	CONSTRAINT "financing_products_rates" CHECK (case when "financing_products"."kind" in ('credit_loan', 'ip_pledge_loan')
            then "financing_products"."rate_min_bp" is not null and "financing_products"."rate_max_bp" is not null and "financing_products"."rate_min_bp" between 1 and "financing_products"."rate_max_bp" and "financing_products"."rate_max_bp" <= 5000 and "financing_products"."fee_rate_bp" is null
            else "financing_products"."fee_rate_bp" is not null and "financing_products"."fee_rate_bp" between 0 and 1000 and "financing_products"."rate_min_bp" is null and "financing_products"."rate_max_bp" is null end)
);
--> statement-breakpoint
CREATE TABLE "financing_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financing_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"demand_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"kind" "response_kind" NOT NULL,
	"offer_amount" bigint,
	"offer_rate_bp" integer,
	"offer_term_months" integer,
	"note" text,
	"responder_id" bigint,
	"responder_name" text NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "financing_responses_once" UNIQUE("demand_id","institution_id"),
	CONSTRAINT "financing_responses_offer" CHECK (("financing_responses"."kind" = 'offer') = ("financing_responses"."offer_amount" is not null and "financing_responses"."offer_rate_bp" is not null and "financing_responses"."offer_term_months" is not null)),
	CONSTRAINT "financing_responses_offer_values" CHECK (coalesce("financing_responses"."offer_amount", 1) > 0 and coalesce("financing_responses"."offer_rate_bp", 1) between 1 and 5000 and coalesce("financing_responses"."offer_term_months", 1) between 1 and 360),
	CONSTRAINT "financing_responses_declined_reason" CHECK ("financing_responses"."kind" <> 'declined' or coalesce(char_length("financing_responses"."note"), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "institution_members" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"institution_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "financing_consents" ADD CONSTRAINT "financing_consents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_consents" ADD CONSTRAINT "financing_consents_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_demands" ADD CONSTRAINT "financing_demands_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_demands" ADD CONSTRAINT "financing_demands_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_loans" ADD CONSTRAINT "financing_loans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_loans" ADD CONSTRAINT "financing_loans_institution_id_financial_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."financial_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_loans" ADD CONSTRAINT "financing_loans_demand_id_financing_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."financing_demands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_loans" ADD CONSTRAINT "financing_loans_guarantor_id_financial_institutions_id_fk" FOREIGN KEY ("guarantor_id") REFERENCES "public"."financial_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_loans" ADD CONSTRAINT "financing_loans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_products" ADD CONSTRAINT "financing_products_institution_id_financial_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."financial_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_responses" ADD CONSTRAINT "financing_responses_demand_id_financing_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."financing_demands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_responses" ADD CONSTRAINT "financing_responses_institution_id_financial_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."financial_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_responses" ADD CONSTRAINT "financing_responses_responder_id_users_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_members" ADD CONSTRAINT "institution_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_members" ADD CONSTRAINT "institution_members_institution_id_financial_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."financial_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "financial_institutions_name" ON "financial_institutions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "financing_demands_enterprise_idx" ON "financing_demands" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "financing_demands_status_idx" ON "financing_demands" USING btree ("status","posted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "financing_loans_demand_institution" ON "financing_loans" USING btree ("demand_id","institution_id");--> statement-breakpoint
CREATE INDEX "financing_loans_granted_idx" ON "financing_loans" USING btree ("granted_on");--> statement-breakpoint
CREATE INDEX "financing_loans_institution_idx" ON "financing_loans" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "financing_responses_institution_idx" ON "financing_responses" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "institution_members_institution_idx" ON "institution_members" USING btree ("institution_id");