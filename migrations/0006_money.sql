CREATE TABLE `stripe_accounts` (
	`provider_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`bank_last4` text NOT NULL,
	`routing_last4` text,
	`payouts_enabled` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_accounts_account_id_unique` ON `stripe_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`account` text,
	`claim_id` text,
	`received_at` text NOT NULL,
	`applied` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stripe_events_claim` ON `stripe_events` (`claim_id`);--> statement-breakpoint
ALTER TABLE `payouts` ADD `key_stored_at` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `stripe_account_id` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `stripe_payout_id` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `rail_status` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `failure_code` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `failure_message` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `transfer_reversed_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `payouts_stripe_payout` ON `payouts` (`stripe_payout_id`);--> statement-breakpoint
CREATE INDEX `payouts_transfer` ON `payouts` (`transfer_id`);