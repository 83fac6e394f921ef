CREATE TABLE "digital_assessments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digital_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"version" text NOT NULL,
	"assessed_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"level" integer NOT NULL,
	"result" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digital_assessments_day" UNIQUE("enterprise_id","assessed_on"),
	CONSTRAINT "digital_assessments_score" CHECK ("digital_assessments"."score" >= 0 and "digital_assessments"."score" <= 100),
	CONSTRAINT "digital_assessments_level" CHECK ("digital_assessments"."level" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "scorecard_benchmark_cities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_values" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_values_key" UNIQUE("unit_kind","unit_code","year","indicator_id"),
	CONSTRAINT "scorecard_values_kind" CHECK ("scorecard_values"."unit_kind" in ('district', 'benchmark')),
	CONSTRAINT "scorecard_values_source" CHECK ("scorecard_values"."source" in ('form', 'import', 'seed')),
	CONSTRAINT "scorecard_values_year_range" CHECK ("scorecard_values"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "scorecard_weight_sets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_weight_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"weights" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_weight_sets_name" UNIQUE("name"),
	CONSTRAINT "scorecard_weight_sets_object" CHECK (jsonb_typeof("scorecard_weight_sets"."weights") = 'object')
);
--> statement-breakpoint
ALTER TABLE "digital_assessments" ADD CONSTRAINT "digital_assessments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_assessments" ADD CONSTRAINT "digital_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_weight_sets" ADD CONSTRAINT "scorecard_weight_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scorecard_values_year" ON "scorecard_values" USING btree ("year");