CREATE TABLE "compute_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"gpu_model" text NOT NULL,
	"unit" text NOT NULL,
	"capacity_units" integer NOT NULL,
	"allocated_units" integer DEFAULT 0 NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compute_pools_name_unique" UNIQUE("name"),
	CONSTRAINT "pool_allocation_within_capacity" CHECK ("compute_pools"."allocated_units" >= 0 and "compute_pools"."allocated_units" <= "compute_pools"."capacity_units"),
	CONSTRAINT "pool_price_positive" CHECK ("compute_pools"."unit_price_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "incubator_spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incubator_spaces_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "tenancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"area_centi_m2" integer NOT NULL,
	"base_monthly_rent_fen" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenancy_positive" CHECK ("tenancies"."area_centi_m2" > 0 and "tenancies"."base_monthly_rent_fen" >= 0),
	CONSTRAINT "tenancy_period" CHECK ("tenancies"."end_date" is null or "tenancies"."start_date" <= "tenancies"."end_date")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_size" CHECK ("documents"."size_bytes" > 0 and "documents"."size_bytes" <= 10485760),
	CONSTRAINT "document_type" CHECK ("documents"."mime_type" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "filing_items" (
	"provider_id" uuid NOT NULL,
	"item" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "filing_items_provider_id_item_pk" PRIMARY KEY("provider_id","item"),
	CONSTRAINT "filing_item_known" CHECK ("filing_items"."item" in ('licence', 'staff', 'owned_compute', 'price_list', 'model_filing', 'cases', 'contracts')),
	CONSTRAINT "filing_item_status" CHECK ("filing_items"."status" in ('submitted', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_subject" CHECK ("review_decisions"."subject_type" in ('provider', 'enterprise', 'grant_application'))
);
--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "stock" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "contract_gpu_type" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "contract_period_from" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "contract_period_to" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "invoice_ref" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "not_related_declared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivery_note" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pool_id" uuid;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "contact_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "contact_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_space_id_incubator_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."incubator_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_items" ADD CONSTRAINT "filing_items_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_items" ADD CONSTRAINT "filing_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_items" ADD CONSTRAINT "filing_items_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_owner_idx" ON "documents" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "decision_subject_idx" ON "review_decisions" USING btree ("subject_type","subject_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_pool_id_compute_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."compute_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offering_stock_non_negative" CHECK ("offerings"."stock" is null or "offerings"."stock" >= 0);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "order_contract_period" CHECK ("orders"."contract_period_from" is null or "orders"."contract_period_to" is null or "orders"."contract_period_from" <= "orders"."contract_period_to");