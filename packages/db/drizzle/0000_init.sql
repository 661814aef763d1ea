CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'sme' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email"),
	CONSTRAINT "user_role_known" CHECK ("user"."role" in ('sme', 'provider', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"service_kind" text DEFAULT 'compute' NOT NULL,
	"gpu_model" text,
	"gpu_count" integer,
	"unit" text NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"region" text,
	"description" text DEFAULT '' NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"max_quantity" integer DEFAULT 10000 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offering_kind" CHECK ("offerings"."kind" in ('compute', 'ai_service')),
	CONSTRAINT "offering_service_kind" CHECK ("offerings"."service_kind" in ('compute', 'storage', 'network', 'security')),
	CONSTRAINT "offering_status" CHECK ("offerings"."status" in ('draft', 'listed', 'delisted')),
	CONSTRAINT "offering_price_positive" CHECK ("offerings"."unit_price_fen" > 0),
	CONSTRAINT "offering_quantity_range" CHECK ("offerings"."min_quantity" >= 1 and "offerings"."max_quantity" >= "offerings"."min_quantity")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"placed_by" text NOT NULL,
	"offering_title" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"list_price_fen" bigint NOT NULL,
	"subsidy_fen" bigint NOT NULL,
	"payable_fen" bigint NOT NULL,
	"article" text,
	"fund_year" integer NOT NULL,
	"status" text DEFAULT 'awaiting_payment' NOT NULL,
	"idempotency_key" text NOT NULL,
	"trace" jsonb NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ruleset_version" text NOT NULL,
	"params_hash" text NOT NULL,
	"payment_gateway" text NOT NULL,
	"payment_ref" text,
	"checkout_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_status" CHECK ("orders"."status" in ('awaiting_payment', 'paid', 'cancelled', 'expired', 'failed', 'refunded')),
	CONSTRAINT "order_amounts_balance" CHECK ("orders"."list_price_fen" = "orders"."subsidy_fen" + "orders"."payable_fen"),
	CONSTRAINT "order_amounts_non_negative" CHECK ("orders"."subsidy_fen" >= 0 and "orders"."payable_fen" >= 0 and "orders"."quantity" > 0),
	CONSTRAINT "order_gateway" CHECK ("orders"."payment_gateway" in ('simulated', 'stripe'))
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"type" text NOT NULL,
	"order_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before" text,
	"after" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "fund_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"budget_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"reserved_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_non_negative" CHECK ("fund_years"."budget_fen" >= 0 and "fund_years"."committed_fen" >= 0 and "fund_years"."reserved_fen" >= 0),
	CONSTRAINT "fund_within_budget" CHECK ("fund_years"."committed_fen" + "fund_years"."reserved_fen" <= "fund_years"."budget_fen")
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"debit_account" text NOT NULL,
	"credit_account" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"pending_id" bigint,
	"order_id" uuid,
	"enterprise_id" uuid,
	"article" text,
	"fund_year" integer,
	"memo" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_kind" CHECK ("ledger_transfers"."kind" in ('single', 'pending', 'post_pending', 'void_pending')),
	CONSTRAINT "transfer_positive" CHECK ("ledger_transfers"."amount_fen" > 0),
	CONSTRAINT "transfer_two_accounts" CHECK ("ledger_transfers"."debit_account" <> "ledger_transfers"."credit_account"),
	CONSTRAINT "transfer_pending_link" CHECK (("ledger_transfers"."kind" in ('post_pending', 'void_pending')) = ("ledger_transfers"."pending_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "subsidy_usage" (
	"enterprise_id" uuid NOT NULL,
	"article" text NOT NULL,
	"year" integer NOT NULL,
	"cap_fen" bigint NOT NULL,
	"granted_fen" bigint DEFAULT 0 NOT NULL,
	"reserved_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "subsidy_usage_enterprise_id_article_year_pk" PRIMARY KEY("enterprise_id","article","year"),
	CONSTRAINT "usage_non_negative" CHECK ("subsidy_usage"."granted_fen" >= 0 and "subsidy_usage"."reserved_fen" >= 0 and "subsidy_usage"."cap_fen" >= 0),
	CONSTRAINT "usage_within_cap" CHECK ("subsidy_usage"."granted_fen" + "subsidy_usage"."reserved_fen" <= "subsidy_usage"."cap_fen")
);
--> statement-breakpoint
CREATE TABLE "enterprise_members" (
	"enterprise_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_members_enterprise_id_user_id_pk" PRIMARY KEY("enterprise_id","user_id"),
	CONSTRAINT "enterprise_member_role" CHECK ("enterprise_members"."role" in ('owner', 'member'))
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"district" text NOT NULL,
	"registered_in_nanshan" boolean NOT NULL,
	"legal_status" text NOT NULL,
	"industry" text NOT NULL,
	"employees" integer NOT NULL,
	"revenue_fen" bigint NOT NULL,
	"assets_fen" bigint NOT NULL,
	"tech_sme_registered" boolean DEFAULT false NOT NULL,
	"ai_activity" text NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc"),
	CONSTRAINT "enterprise_legal_status" CHECK ("enterprises"."legal_status" in ('independent', 'nbs_equivalent', 'none')),
	CONSTRAINT "enterprise_ai_activity" CHECK ("enterprises"."ai_activity" in ('llm_training', 'genai_application', 'other')),
	CONSTRAINT "enterprise_sizes_non_negative" CHECK ("enterprises"."employees" >= 0 and "enterprises"."revenue_fen" >= 0 and "enterprises"."assets_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "provider_members" (
	"provider_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_members_provider_id_user_id_pk" PRIMARY KEY("provider_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"city" text NOT NULL,
	"in_shenzhen" boolean NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"filing_valid_from" date,
	"filing_valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_uscc_unique" UNIQUE("uscc"),
	CONSTRAINT "provider_kind" CHECK ("providers"."kind" in ('computing_centre', 'cloud_vendor')),
	CONSTRAINT "provider_status" CHECK ("providers"."status" in ('pending', 'approved', 'filed', 'suspended', 'revoked')),
	CONSTRAINT "provider_filing_period" CHECK ("providers"."filing_valid_from" is null or "providers"."filing_valid_to" is null or "providers"."filing_valid_from" <= "providers"."filing_valid_to")
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_placed_by_user_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_debit_account_ledger_accounts_code_fk" FOREIGN KEY ("debit_account") REFERENCES "public"."ledger_accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_credit_account_ledger_accounts_code_fk" FOREIGN KEY ("credit_account") REFERENCES "public"."ledger_accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_pending_id_ledger_transfers_id_fk" FOREIGN KEY ("pending_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_usage" ADD CONSTRAINT "subsidy_usage_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_members" ADD CONSTRAINT "enterprise_members_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_members" ADD CONSTRAINT "enterprise_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_verified_by_user_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_members" ADD CONSTRAINT "provider_members_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_members" ADD CONSTRAINT "provider_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "offering_status_idx" ON "offerings" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "order_idempotency" ON "orders" USING btree ("enterprise_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "order_enterprise_idx" ON "orders" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "order_status_expiry_idx" ON "orders" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "audit_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_pending_resolved_once" ON "ledger_transfers" USING btree ("pending_id") WHERE "ledger_transfers"."kind" in ('post_pending', 'void_pending');--> statement-breakpoint
CREATE INDEX "transfer_order_idx" ON "ledger_transfers" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "transfer_debit_idx" ON "ledger_transfers" USING btree ("debit_account");--> statement-breakpoint
CREATE INDEX "transfer_credit_idx" ON "ledger_transfers" USING btree ("credit_account");