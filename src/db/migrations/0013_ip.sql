CREATE TYPE "public"."ip_kind" AS ENUM('invention_patent', 'utility_model', 'design_patent', 'software_copyright', 'plant_variety', 'ic_layout', 'trademark');--> statement-breakpoint
CREATE TYPE "public"."ip_legal_status" AS ENUM('pending', 'valid', 'lapsed', 'expired', 'invalidated');--> statement-breakpoint
CREATE TYPE "public"."ip_origin" AS ENUM('self_developed', 'acquired');--> statement-breakpoint
CREATE TABLE "ip_pledges" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ip_pledges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ip_record_id" bigint NOT NULL,
	"loan_id" bigint,
	"pledgee" text NOT NULL,
	"amount" bigint NOT NULL,
	"registered_on" date NOT NULL,
	"released_on" date,
	"recorded_by" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ip_pledges_loan_item" UNIQUE("loan_id","ip_record_id"),
	CONSTRAINT "ip_pledges_amount" CHECK ("ip_pledges"."amount" > 0),
	CONSTRAINT "ip_pledges_release" CHECK ("ip_pledges"."released_on" is null or "ip_pledges"."released_on" >= "ip_pledges"."registered_on")
);
--> statement-breakpoint
CREATE TABLE "ip_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ip_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"kind" "ip_kind" NOT NULL,
	"number" text NOT NULL,
	"number_verified" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"applied_on" date NOT NULL,
	"granted_on" date,
	"expires_on" date,
	"legal_status" "ip_legal_status" NOT NULL,
	"maintenance_years_paid" integer DEFAULT 0 NOT NULL,
	"foreign_family_count" integer DEFAULT 0 NOT NULL,
	"citations" integer,
	"awards" text[] DEFAULT '{}'::text[] NOT NULL,
	"origin" "ip_origin" NOT NULL,
	"acquired_on" date,
	"related_to_main_product" boolean NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ip_records_number" UNIQUE("enterprise_id","kind","number"),
	CONSTRAINT "ip_records_counts" CHECK ("ip_records"."maintenance_years_paid" between 0 and 50 and "ip_records"."foreign_family_count" >= 0 and coalesce("ip_records"."citations", 0) >= 0),
	CONSTRAINT "ip_records_acquired" CHECK (("ip_records"."origin" = 'acquired') = ("ip_records"."acquired_on" is not null)),
	CONSTRAINT "ip_records_dates" CHECK (("ip_records"."granted_on" is null or "ip_records"."granted_on" >= "ip_records"."applied_on") and ("ip_records"."expires_on" is null or "ip_records"."expires_on" >= "ip_records"."applied_on")),
	CONSTRAINT "ip_records_granted" CHECK ("ip_records"."legal_status" = 'pending' or "ip_records"."granted_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "ip_pledges" ADD CONSTRAINT "ip_pledges_ip_record_id_ip_records_id_fk" FOREIGN KEY ("ip_record_id") REFERENCES "public"."ip_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_pledges" ADD CONSTRAINT "ip_pledges_loan_id_financing_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."financing_loans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_pledges" ADD CONSTRAINT "ip_pledges_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_records" ADD CONSTRAINT "ip_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_records" ADD CONSTRAINT "ip_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ip_pledges_one_active" ON "ip_pledges" USING btree ("ip_record_id") WHERE "ip_pledges"."released_on" is null;--> statement-breakpoint
CREATE INDEX "ip_pledges_loan_idx" ON "ip_pledges" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "ip_records_enterprise_idx" ON "ip_records" USING btree ("enterprise_id");--> statement-breakpoint
-- A pledge linked to a platform loan must secure an IP-pledge loan of the item's own enterprise.
CREATE FUNCTION ip_pledges_loan_matches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.loan_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM financing_loans l JOIN ip_records r ON r.id = NEW.ip_record_id
     WHERE l.id = NEW.loan_id AND l.loan_type = 'ip_pledge' AND l.enterprise_id = r.enterprise_id) THEN
    RAISE EXCEPTION 'ip pledge % must secure an ip_pledge loan of the item''s enterprise', NEW.id USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER ip_pledges_loan_matches BEFORE INSERT OR UPDATE ON ip_pledges FOR EACH ROW EXECUTE FUNCTION ip_pledges_loan_matches();
