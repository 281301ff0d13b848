CREATE TABLE `claim_remittances` (
	`claim_id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`payer_id` text NOT NULL,
	`trace_number` text NOT NULL,
	`status_code` text NOT NULL,
	`outcome` text NOT NULL,
	`charge_cents` integer NOT NULL,
	`paid_cents` integer NOT NULL,
	`patient_responsibility_cents` integer NOT NULL,
	`adjustments` text NOT NULL,
	`remark_codes` text NOT NULL,
	`payer_claim_control_number` text NOT NULL,
	`posted_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `claim_remittances_provider` ON `claim_remittances` (`provider_id`);--> statement-breakpoint
CREATE TABLE `reconciliation_items` (
	`id` text PRIMARY KEY NOT NULL,
	`payer_id` text NOT NULL,
	`trace_number` text NOT NULL,
	`claim_ref` text,
	`provider_id` text,
	`kind` text NOT NULL,
	`detail` text,
	`resolved_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reconciliation_items_open` ON `reconciliation_items` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `remittance_files` (
	`id` text PRIMARY KEY NOT NULL,
	`payer_id` text NOT NULL,
	`trace_number` text NOT NULL,
	`file_key` text NOT NULL,
	`payment_cents` integer NOT NULL,
	`claim_count` integer NOT NULL,
	`posted_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remittance_files_trace` ON `remittance_files` (`payer_id`,`trace_number`);