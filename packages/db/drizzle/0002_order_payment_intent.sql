ALTER TABLE "orders" ADD COLUMN "payment_intent_ref" text;--> statement-breakpoint
CREATE INDEX "order_payment_ref_idx" ON "orders" USING btree ("payment_ref");--> statement-breakpoint
CREATE INDEX "order_payment_intent_idx" ON "orders" USING btree ("payment_intent_ref");