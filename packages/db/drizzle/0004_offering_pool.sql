ALTER TABLE "offerings" ADD COLUMN "pool_id" uuid;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_pool_id_compute_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."compute_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_pool_id_unique" UNIQUE("pool_id");