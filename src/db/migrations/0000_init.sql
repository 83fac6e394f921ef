CREATE TYPE "public"."carrier_kind" AS ENUM('demo_base', 'service_platform', 'park', 'cluster');--> statement-breakpoint
CREATE TYPE "public"."recognition_kind" AS ENUM('first', 'renewal');--> statement-breakpoint
CREATE TYPE "public"."size_class" AS ENUM('micro', 'small', 'medium', 'large');--> statement-breakpoint
CREATE TYPE "public"."title_kind" AS ENUM('innovative_sme', 'specialized_sme', 'little_giant', 'manufacturing_champion', 'gazelle', 'unicorn');--> statement-breakpoint
CREATE TYPE "public"."title_level" AS ENUM('national', 'provincial', 'city');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('district', 'county', 'zone');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('city_officer', 'district_officer', 'finance_officer', 'bank_officer', 'enterprise_user', 'carrier_operator', 'university', 'judge', 'penalty_agency', 'admin');--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "carriers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "carrier_kind" NOT NULL,
	"name" text NOT NULL,
	"level" "title_level" NOT NULL,
	"unit_code" text NOT NULL,
	"operator_uscc" text,
	"recognised_on" date NOT NULL,
	"valid_until" date,
	"leading_industry" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carriers_name_kind" UNIQUE("kind","name"),
	CONSTRAINT "carriers_validity_order" CHECK ("carriers"."valid_until" is null or "carriers"."valid_until" > "carriers"."recognised_on")
);
--> statement-breakpoint
CREATE TABLE "enterprise_former_names" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprise_former_names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"name" text NOT NULL,
	"used_until" date
);
--> statement-breakpoint
CREATE TABLE "enterprise_honours" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprise_honours_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" "title_level" NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_ip" (
	"enterprise_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"invention_patents" integer DEFAULT 0 NOT NULL,
	"utility_models" integer DEFAULT 0 NOT NULL,
	"design_patents" integer DEFAULT 0 NOT NULL,
	"software_copyrights" integer DEFAULT 0 NOT NULL,
	"trademarks" integer DEFAULT 0 NOT NULL,
	"class1" integer DEFAULT 0 NOT NULL,
	"class2" integer DEFAULT 0 NOT NULL,
	"class1_high_value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enterprise_ip_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year"),
	CONSTRAINT "ip_nonneg" CHECK (least("enterprise_ip"."invention_patents", "enterprise_ip"."utility_models", "enterprise_ip"."design_patents", "enterprise_ip"."software_copyrights", "enterprise_ip"."trademarks", "enterprise_ip"."class1", "enterprise_ip"."class2", "enterprise_ip"."class1_high_value") >= 0)
);
--> statement-breakpoint
CREATE TABLE "enterprise_yearly" (
	"enterprise_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"main_business_revenue" bigint NOT NULL,
	"rd_expense" bigint NOT NULL,
	"net_profit" bigint NOT NULL,
	"total_assets" bigint NOT NULL,
	"total_liabilities" bigint NOT NULL,
	"employees" integer NOT NULL,
	"rd_staff" integer NOT NULL,
	CONSTRAINT "enterprise_yearly_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year"),
	CONSTRAINT "yearly_revenue_nonneg" CHECK ("enterprise_yearly"."revenue" >= 0),
	CONSTRAINT "yearly_main_nonneg" CHECK ("enterprise_yearly"."main_business_revenue" >= 0 and "enterprise_yearly"."main_business_revenue" <= "enterprise_yearly"."revenue"),
	CONSTRAINT "yearly_rd_nonneg" CHECK ("enterprise_yearly"."rd_expense" >= 0),
	CONSTRAINT "yearly_assets_nonneg" CHECK ("enterprise_yearly"."total_assets" >= 0 and "enterprise_yearly"."total_liabilities" >= 0),
	CONSTRAINT "yearly_staff_nonneg" CHECK ("enterprise_yearly"."employees" >= 0 and "enterprise_yearly"."rd_staff" >= 0 and "enterprise_yearly"."rd_staff" <= "enterprise_yearly"."employees")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprises_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"name_initials" text NOT NULL,
	"unit_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"established_on" date NOT NULL,
	"size_class" "size_class" NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"strategic_emerging" boolean DEFAULT false NOT NULL,
	"contact_name_enc" text,
	"contact_phone_enc" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_len" CHECK (char_length("enterprises"."uscc") = 18)
);
--> statement-breakpoint
CREATE TABLE "residencies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "residencies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"carrier_id" bigint NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "residencies_order" CHECK ("residencies"."to_date" is null or "residencies"."to_date" >= "residencies"."from_date")
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "titles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"kind" "title_kind" NOT NULL,
	"level" "title_level" NOT NULL,
	"batch" text DEFAULT '' NOT NULL,
	"recognised_on" date NOT NULL,
	"valid_until" date,
	"recognition" "recognition_kind" NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "titles_once" UNIQUE("enterprise_id","kind","level","recognised_on"),
	CONSTRAINT "titles_validity_order" CHECK ("titles"."valid_until" is null or "titles"."valid_until" > "titles"."recognised_on"),
	CONSTRAINT "titles_revocation" CHECK (("titles"."revoked_on" is null and "titles"."revoke_reason" is null) or ("titles"."revoked_on" is not null and "titles"."revoke_reason" is not null and "titles"."revoked_on" >= "titles"."recognised_on"))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"overlays" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "role" NOT NULL,
	"unit_code" text,
	"enterprise_id" bigint,
	"carrier_id" bigint,
	"organisation" text,
	"password_hash" text NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_former_names" ADD CONSTRAINT "enterprise_former_names_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_honours" ADD CONSTRAINT "enterprise_honours_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_ip" ADD CONSTRAINT "enterprise_ip_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_yearly" ADD CONSTRAINT "enterprise_yearly_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "former_names_enterprise_idx" ON "enterprise_former_names" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "former_names_name_idx" ON "enterprise_former_names" USING btree ("name");--> statement-breakpoint
CREATE INDEX "honours_enterprise_idx" ON "enterprise_honours" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_uscc_key" ON "enterprises" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprises_unit_idx" ON "enterprises" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE INDEX "enterprises_initials_idx" ON "enterprises" USING btree ("name_initials");--> statement-breakpoint
CREATE INDEX "residencies_enterprise_idx" ON "residencies" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "residencies_carrier_idx" ON "residencies" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "titles_enterprise_idx" ON "titles" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "titles_kind_date_idx" ON "titles" USING btree ("kind","recognised_on");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expiry_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));