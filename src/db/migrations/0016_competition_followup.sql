CREATE TABLE "competition_investment_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competition_investment_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"investment_id" bigint NOT NULL,
	"from_status" "competition_investment_status",
	"to_status" "competition_investment_status" NOT NULL,
	"status_on" date NOT NULL,
	"amount_yuan" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" bigint,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_investment_history_move" CHECK ("competition_investment_history"."from_status" is null or "competition_investment_history"."from_status" <> "competition_investment_history"."to_status")
);
--> statement-breakpoint
ALTER TABLE "competition_editions" ADD COLUMN "groups" "competition_group"[] DEFAULT '{enterprise,maker}'::competition_group[] NOT NULL;--> statement-breakpoint
ALTER TABLE "competition_editions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "competition_investments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "competition_stages" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "competition_investment_history" ADD CONSTRAINT "competition_investment_history_investment_id_competition_investments_id_fk" FOREIGN KEY ("investment_id") REFERENCES "public"."competition_investments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_investment_history" ADD CONSTRAINT "competition_investment_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_investment_history_idx" ON "competition_investment_history" USING btree ("investment_id","id");--> statement-breakpoint
ALTER TABLE "competition_editions" ADD CONSTRAINT "competition_editions_groups" CHECK (cardinality("competition_editions"."groups") >= 1);--> statement-breakpoint
-- Existing investments start their history with their present status.
INSERT INTO "competition_investment_history" ("investment_id", "from_status", "to_status", "status_on", "amount_yuan", "note")
SELECT "id", NULL, "status", "status_on", "amount_yuan", "note" FROM "competition_investments";
