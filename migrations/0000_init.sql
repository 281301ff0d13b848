CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`detail` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_subject` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `claim_diagnoses` (
	`claim_id` text NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_diagnoses_pk` ON `claim_diagnoses` (`claim_id`,`position`);--> statement-breakpoint
CREATE TABLE `claim_events` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`version` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`step` text NOT NULL,
	`detail` text,
	`at` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_events_version` ON `claim_events` (`claim_id`,`version`);--> statement-breakpoint
CREATE TABLE `claim_lines` (
	`claim_id` text NOT NULL,
	`line_number` integer NOT NULL,
	`procedure_code` text NOT NULL,
	`modifiers` text NOT NULL,
	`units` integer NOT NULL,
	`charge_cents` integer NOT NULL,
	`diagnosis_pointers` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_lines_pk` ON `claim_lines` (`claim_id`,`line_number`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`upload_id` text,
	`upload_row` integer,
	`claim_number` text NOT NULL,
	`payer_id` text NOT NULL,
	`payer_name` text NOT NULL,
	`service_date` text NOT NULL,
	`place_of_service` text NOT NULL,
	`billed_cents` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`score` integer,
	`score_reasons` text,
	`cut_bps` integer,
	`payout_cents` integer,
	`reject_reasons` text,
	`recode_count` integer DEFAULT 0 NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_billed_positive" CHECK("claims"."billed_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `claims_provider_id` ON `claims` (`provider_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_provider_status` ON `claims` (`provider_id`,`status`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `claims_upload_row` ON `claims` (`upload_id`,`upload_row`);--> statement-breakpoint
CREATE UNIQUE INDEX `claims_provider_number` ON `claims` (`provider_id`,`claim_number`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`message_id` text NOT NULL,
	`reason` text NOT NULL,
	`body` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_message` ON `dead_letters` (`queue`,`message_id`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`journal_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`claim_id` text,
	`account` text NOT NULL,
	`debit_cents` integer DEFAULT 0 NOT NULL,
	`credit_cents` integer DEFAULT 0 NOT NULL,
	`memo` text NOT NULL,
	`at` text NOT NULL,
	CONSTRAINT "ledger_one_side" CHECK(("ledger_entries"."debit_cents" > 0 and "ledger_entries"."credit_cents" = 0) or ("ledger_entries"."credit_cents" > 0 and "ledger_entries"."debit_cents" = 0))
);
--> statement-breakpoint
CREATE INDEX `ledger_journal` ON `ledger_entries` (`journal_id`);--> statement-breakpoint
CREATE INDEX `ledger_account` ON `ledger_entries` (`account`,`provider_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`claim_id` text,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once` ON `notifications` (`provider_id`,`claim_id`,`kind`);--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`cut_bps` integer NOT NULL,
	`rail` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`transfer_id` text,
	`status` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_claim` ON `payouts` (`claim_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_idempotency_key` ON `payouts` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `providers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`npi` text,
	`cut_bps` integer DEFAULT 500 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "providers_cut_bps" CHECK("providers"."cut_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`filename` text NOT NULL,
	`byte_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`r2_key` text NOT NULL,
	`status` text NOT NULL,
	`claim_count` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uploads_provider_sha256` ON `uploads` (`provider_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);