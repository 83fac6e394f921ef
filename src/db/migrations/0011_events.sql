CREATE TYPE "public"."checkin_method" AS ENUM('qr', 'manual');--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('course', 'visit', 'exchange_meeting', 'matchmaking', 'exchange_centre');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'published', 'closed', 'cancelled');--> statement-breakpoint
CREATE TABLE "event_enrolments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"status" "enrolment_status" NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"priority_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participant_name_enc" text NOT NULL,
	"participant_phone_enc" text NOT NULL,
	"participant_position" text NOT NULL,
	"checkin_nonce" text NOT NULL,
	"enrolled_by" bigint,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checkin_method" "checkin_method",
	"checked_in_by" bigint,
	"certificate_no" text,
	"certificate_issued_at" timestamp with time zone,
	CONSTRAINT "event_enrolments_confirmed" CHECK (("event_enrolments"."status" = 'confirmed') = ("event_enrolments"."confirmed_at" is not null and "event_enrolments"."cancelled_at" is null)),
	CONSTRAINT "event_enrolments_checkin" CHECK (("event_enrolments"."checked_in_at" is null) = ("event_enrolments"."checkin_method" is null)),
	CONSTRAINT "event_enrolments_checkin_seat" CHECK ("event_enrolments"."checked_in_at" is null or "event_enrolments"."status" = 'confirmed'),
	CONSTRAINT "event_enrolments_certificate_attended" CHECK ("event_enrolments"."certificate_no" is null or "event_enrolments"."checked_in_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_feedback" (
	"enrolment_id" bigint PRIMARY KEY NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"intentions" integer DEFAULT 0 NOT NULL,
	"contracts" integer DEFAULT 0 NOT NULL,
	"contract_amount" bigint DEFAULT 0 NOT NULL,
	"submitted_by" bigint,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_feedback_rating" CHECK ("event_feedback"."rating" between 1 and 5),
	CONSTRAINT "event_feedback_outcomes" CHECK ("event_feedback"."intentions" >= 0 and "event_feedback"."contracts" >= 0 and "event_feedback"."contract_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "event_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"programme_year" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"enrolment_closes_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"host_name" text NOT NULL,
	"host_enterprise_id" bigint,
	"target_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_code" text,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"created_by" bigint,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "events_times" CHECK ("events"."ends_at" > "events"."starts_at" and "events"."enrolment_closes_at" <= "events"."ends_at"),
	CONSTRAINT "events_capacity" CHECK ("events"."capacity" between 1 and 100000),
	CONSTRAINT "events_seats" CHECK ("events"."confirmed_count" >= 0 and "events"."confirmed_count" <= "events"."capacity")
);
--> statement-breakpoint
CREATE TABLE "programme_editions" (
	"year" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_enrolment_id_event_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."event_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_programme_year_programme_editions_year_fk" FOREIGN KEY ("programme_year") REFERENCES "public"."programme_editions"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_host_enterprise_id_enterprises_id_fk" FOREIGN KEY ("host_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_enrolments_active" ON "event_enrolments" USING btree ("event_id","enterprise_id") WHERE "event_enrolments"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "event_enrolments_certificate" ON "event_enrolments" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "event_enrolments_event_idx" ON "event_enrolments" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "event_enrolments_enterprise_idx" ON "event_enrolments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "events_kind_start_idx" ON "events" USING btree ("kind","starts_at");--> statement-breakpoint
CREATE INDEX "events_programme_idx" ON "events" USING btree ("programme_year");--> statement-breakpoint
-- Seats are counted by the database: every insert, status change or delete of enrolments moves
-- events.confirmed_count, and the check events_seats (confirmed_count <= capacity) refuses the
-- change that would seat one person too many, whatever the application does. Statement-level
-- triggers with transition tables: one UPDATE of events per statement, not per row (bulk loads).
CREATE FUNCTION event_enrolments_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE events e SET confirmed_count = e.confirmed_count + d.n
      FROM (SELECT event_id, count(*)::int AS n FROM new_rows WHERE status = 'confirmed' GROUP BY event_id) d
     WHERE e.id = d.event_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE events e SET confirmed_count = e.confirmed_count - d.n
      FROM (SELECT event_id, count(*)::int AS n FROM old_rows WHERE status = 'confirmed' GROUP BY event_id) d
     WHERE e.id = d.event_id;
  ELSE
    UPDATE events e SET confirmed_count = e.confirmed_count + d.n
      FROM (SELECT event_id, sum(n)::int AS n
              FROM (SELECT event_id, 1 AS n FROM new_rows WHERE status = 'confirmed'
                    UNION ALL SELECT event_id, -1 FROM old_rows WHERE status = 'confirmed') x
             GROUP BY event_id HAVING sum(n) <> 0) d
     WHERE e.id = d.event_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER event_enrolments_count_insert AFTER INSERT ON event_enrolments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_enrolments_count();--> statement-breakpoint
CREATE TRIGGER event_enrolments_count_update AFTER UPDATE ON event_enrolments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_enrolments_count();--> statement-breakpoint
CREATE TRIGGER event_enrolments_count_delete AFTER DELETE ON event_enrolments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_enrolments_count();
--> statement-breakpoint
-- An event starts with no seat taken, whatever the insert says: the count is the enrolments'
-- business alone (a restore that reinserts events and then their enrolments counts them once).
CREATE FUNCTION events_seats_start_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.confirmed_count := 0;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER events_seats_start_empty BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_seats_start_empty();
