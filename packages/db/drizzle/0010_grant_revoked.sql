ALTER TABLE "grant_applications" DROP CONSTRAINT "grant_status";--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "noticed_fen" bigint;--> statement-breakpoint
-- A notice running now was published with the proposal stored when it started.
UPDATE "grant_applications" SET "noticed_fen" = "proposed_fen" WHERE "status" = 'public_notice';--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_decided_within_notice" CHECK ("grant_applications"."decided_fen" is null or "grant_applications"."decided_fen" <= "grant_applications"."noticed_fen");--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_status" CHECK ("grant_applications"."status" in ('submitted', 'formal_check', 'bureau_review', 'funding_plan', 'verification', 'public_notice', 'decided', 'paid', 'rejected', 'info_requested', 'withdrawn', 'revoked'));