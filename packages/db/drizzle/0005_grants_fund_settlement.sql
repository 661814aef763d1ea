CREATE TABLE "budget_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"delta_fen" bigint NOT NULL,
	"budget_after_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"article" text NOT NULL,
	"year" integer NOT NULL,
	"project_key" text NOT NULL,
	"project_name" text NOT NULL,
	"facts" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"proposed_fen" bigint DEFAULT 0 NOT NULL,
	"proposal_trace" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ruleset_version" text,
	"params_hash" text,
	"decided_fen" bigint,
	"status" text DEFAULT 'submitted' NOT NULL,
	"notice_ends_on" date,
	"submitted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_article" CHECK ("grant_applications"."article" in ('art5', 'art6', 'art7', 'art8', 'art9', 'art11', 'art12', 'art13', 'art14')),
	CONSTRAINT "grant_status" CHECK ("grant_applications"."status" in ('submitted', 'formal_check', 'bureau_review', 'funding_plan', 'verification', 'public_notice', 'decided', 'paid', 'rejected', 'info_requested', 'withdrawn')),
	CONSTRAINT "grant_amounts" CHECK ("grant_applications"."requested_fen" >= 0 and "grant_applications"."proposed_fen" >= 0 and ("grant_applications"."decided_fen" is null or "grant_applications"."decided_fen" >= 0)),
	CONSTRAINT "grant_decided_within_proposal" CHECK ("grant_applications"."decided_fen" is null or "grant_applications"."decided_fen" <= "grant_applications"."proposed_fen")
);
--> statement-breakpoint
CREATE TABLE "grant_approvals" (
	"application_id" uuid NOT NULL,
	"approver_user_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_approvals_application_id_approver_user_id_pk" PRIMARY KEY("application_id","approver_user_id")
);
--> statement-breakpoint
CREATE TABLE "grant_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"text" text NOT NULL,
	"resolution" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parameter_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parameter_status" CHECK ("parameter_segments"."status" in ('draft', 'published', 'withdrawn')),
	CONSTRAINT "parameter_period" CHECK ("parameter_segments"."to_date" is null or "parameter_segments"."from_date" <= "parameter_segments"."to_date")
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_batches_reference_unique" UNIQUE("reference"),
	CONSTRAINT "payout_total_positive" CHECK ("payout_batches"."total_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "payout_items" (
	"batch_id" uuid NOT NULL,
	"payee_account" text NOT NULL,
	"order_id" uuid,
	"grant_application_id" uuid,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "payout_item_positive" CHECK ("payout_items"."amount_fen" > 0),
	CONSTRAINT "payout_item_one_source" CHECK (("payout_items"."order_id" is null) <> ("payout_items"."grant_application_id" is null))
);
--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_approvals" ADD CONSTRAINT "grant_approvals_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_approvals" ADD CONSTRAINT "grant_approvals_approver_user_id_user_id_fk" FOREIGN KEY ("approver_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_objections" ADD CONSTRAINT "grant_objections_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_objections" ADD CONSTRAINT "grant_objections_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parameter_segments" ADD CONSTRAINT "parameter_segments_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parameter_segments" ADD CONSTRAINT "parameter_segments_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_grant_application_id_grant_applications_id_fk" FOREIGN KEY ("grant_application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_enterprise_idx" ON "grant_applications" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "grant_project_idx" ON "grant_applications" USING btree ("project_key");--> statement-breakpoint
CREATE INDEX "grant_status_idx" ON "grant_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "grant_event_application_idx" ON "grant_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "parameter_key_idx" ON "parameter_segments" USING btree ("key","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_item_order_once" ON "payout_items" USING btree ("order_id") WHERE "payout_items"."order_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_item_grant_once" ON "payout_items" USING btree ("grant_application_id") WHERE "payout_items"."grant_application_id" is not null;