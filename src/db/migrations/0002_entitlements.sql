CREATE TYPE "public"."entitlement_status" AS ENUM('owed', 'withdrawn', 'recovery_due');--> statement-breakpoint
CREATE TABLE "entitlement_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entitlement_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"fiscal_year" integer NOT NULL,
	"policy_version" text NOT NULL,
	"actor_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entitlements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entitlements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"clause" text NOT NULL,
	"item" text NOT NULL,
	"beneficiary_type" text NOT NULL,
	"enterprise_id" bigint,
	"carrier_id" bigint,
	"amount" bigint NOT NULL,
	"policy_version" text NOT NULL,
	"trigger" jsonb NOT NULL,
	"trace" jsonb,
	"status" "entitlement_status" DEFAULT 'owed' NOT NULL,
	"status_reason" jsonb,
	"paid_at" timestamp with time zone,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entitlements_amount_nonneg" CHECK ("entitlements"."amount" >= 0),
	CONSTRAINT "entitlements_beneficiary" CHECK (("entitlements"."beneficiary_type" = 'enterprise' and "entitlements"."enterprise_id" is not null and "entitlements"."carrier_id" is null)
      or ("entitlements"."beneficiary_type" = 'carrier' and "entitlements"."carrier_id" is not null and "entitlements"."enterprise_id" is null))
);
--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_key" ON "entitlements" USING btree ("key");--> statement-breakpoint
CREATE INDEX "entitlements_year_idx" ON "entitlements" USING btree ("fiscal_year","clause");--> statement-breakpoint
CREATE INDEX "entitlements_enterprise_idx" ON "entitlements" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "entitlements_carrier_idx" ON "entitlements" USING btree ("carrier_id");