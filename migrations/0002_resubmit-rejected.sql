DROP INDEX `claims_provider_number`;--> statement-breakpoint
CREATE UNIQUE INDEX `claims_provider_number` ON `claims` (`provider_id`,`claim_number`) WHERE "claims"."status" <> 'rejected';