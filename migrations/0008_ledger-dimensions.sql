CREATE TABLE `funding_pools` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`priority` integer DEFAULT 100 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `funding_pools_partner` ON `funding_pools` (`partner_id`);--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `pool_id` text;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `payer_id` text;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `partner_id` text;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `journal_kind` text DEFAULT 'legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `reverses_journal_id` text;--> statement-breakpoint
CREATE INDEX `ledger_pool` ON `ledger_entries` (`pool_id`,`account`);--> statement-breakpoint
CREATE INDEX `ledger_claim` ON `ledger_entries` (`claim_id`);