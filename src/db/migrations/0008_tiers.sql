CREATE TABLE "enterprise_declared_facts" (
	"enterprise_id" bigint PRIMARY KEY NOT NULL,
	"facts" jsonb NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declared_facts_object" CHECK (jsonb_typeof("enterprise_declared_facts"."facts") = 'object'),
	CONSTRAINT "declared_facts_source" CHECK ("enterprise_declared_facts"."source" in ('declared', 'officer', 'seed'))
);
--> statement-breakpoint
ALTER TABLE "enterprise_declared_facts" ADD CONSTRAINT "enterprise_declared_facts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;