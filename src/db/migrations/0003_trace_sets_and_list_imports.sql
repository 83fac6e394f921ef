CREATE TYPE "public"."import_row_verdict" AS ENUM('matched', 'ambiguous', 'not_found', 'other_city', 'duplicate', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('preview', 'applied', 'reverted');--> statement-breakpoint
CREATE TABLE "trace_parameter_sets" (
	"hash" text PRIMARY KEY NOT NULL,
	"parameters" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_import_rows" (
	"import_id" bigint NOT NULL,
	"row_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"name_key" text DEFAULT '' NOT NULL,
	"uscc" text,
	"region" text,
	"product" text,
	"section" text,
	"recognition" "recognition_kind" NOT NULL,
	"verdict" "import_row_verdict" NOT NULL,
	"match_method" text,
	"enterprise_id" bigint,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duplicate_of" integer,
	"title_exists" boolean DEFAULT false NOT NULL,
	"decision" jsonb,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"title_id" bigint,
	CONSTRAINT "list_import_rows_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "list_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "list_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "title_kind" NOT NULL,
	"level" "title_level" NOT NULL,
	"batch" text DEFAULT '' NOT NULL,
	"recognised_on" date NOT NULL,
	"valid_until" date,
	"default_recognition" "recognition_kind" DEFAULT 'first' NOT NULL,
	"source_type" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" "bytea" NOT NULL,
	"file_size" integer NOT NULL,
	"content_hash" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" "import_status" DEFAULT 'preview' NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" bigint,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" bigint,
	"applied_at" timestamp with time zone,
	"reverted_by" bigint,
	"reverted_at" timestamp with time zone,
	"revert_reason" text,
	CONSTRAINT "list_imports_file_size" CHECK ("list_imports"."file_size" >= 0 and "list_imports"."file_size" <= 5242880),
	CONSTRAINT "list_imports_validity_order" CHECK ("list_imports"."valid_until" is null or "list_imports"."valid_until" > "list_imports"."recognised_on"),
	CONSTRAINT "list_imports_source_type" CHECK ("list_imports"."source_type" in ('xlsx', 'csv', 'text'))
);
--> statement-breakpoint
ALTER TABLE "list_import_rows" ADD CONSTRAINT "list_import_rows_import_id_list_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."list_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_import_rows" ADD CONSTRAINT "list_import_rows_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_import_rows" ADD CONSTRAINT "list_import_rows_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_import_rows" ADD CONSTRAINT "list_import_rows_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_imports" ADD CONSTRAINT "list_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_imports" ADD CONSTRAINT "list_imports_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_imports" ADD CONSTRAINT "list_imports_reverted_by_users_id_fk" FOREIGN KEY ("reverted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "list_import_rows_verdict_idx" ON "list_import_rows" USING btree ("import_id","verdict");--> statement-breakpoint
CREATE UNIQUE INDEX "list_imports_live_hash" ON "list_imports" USING btree ("content_hash") WHERE "list_imports"."status" in ('preview', 'applied');--> statement-breakpoint
CREATE INDEX "list_imports_created_idx" ON "list_imports" USING btree ("created_at");