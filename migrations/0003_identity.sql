CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text,
	`use_count` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_keys_provider` ON `api_keys` (`provider_id`,`id`);--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text,
	`email` text NOT NULL,
	`role` text,
	`invited_by` text,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_tokens_hash` ON `auth_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `auth_tokens_provider` ON `auth_tokens` (`provider_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text,
	`to_email` text NOT NULL,
	`template` text NOT NULL,
	`subject` text NOT NULL,
	`body_sealed` text NOT NULL,
	`status` text NOT NULL,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_outbox_to` ON `email_outbox` (`to_email`,`id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`email` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `partner_nonces` (
	`token_id` text NOT NULL,
	`nonce` text NOT NULL,
	`seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_nonces_pk` ON `partner_nonces` (`token_id`,`nonce`);--> statement-breakpoint
CREATE INDEX `partner_nonces_seen` ON `partner_nonces` (`seen_at`);--> statement-breakpoint
CREATE TABLE `partner_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`signing_key_sealed` text NOT NULL,
	`scopes` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`rotated_from` text,
	`last_used_at` text,
	`use_count` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_tokens_partner` ON `partner_tokens` (`partner_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`family_id` text NOT NULL,
	`refresh_hash` text NOT NULL,
	`previous_refresh_hash` text,
	`rotated_at` text,
	`mfa` integer NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_refresh_hash` ON `sessions` (`refresh_hash`);--> statement-breakpoint
CREATE INDEX `sessions_previous_refresh_hash` ON `sessions` (`previous_refresh_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `seq` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_seq` ON `audit_log` (`seq`);--> statement-breakpoint
CREATE INDEX `audit_provider` ON `audit_log` (`provider_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_unsealed` ON `audit_log` (`id`) WHERE "audit_log"."seq" is null;--> statement-breakpoint
ALTER TABLE `claims` ADD `patient_name_sealed` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `patient_dob_sealed` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `patient_address_sealed` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `member_id_sealed` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `note_sealed` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `member_id_index` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `patient_sex` text;--> statement-breakpoint
CREATE INDEX `claims_provider_member` ON `claims` (`provider_id`,`member_id_index`,`service_date`);--> statement-breakpoint
ALTER TABLE `users` ADD `password_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret_sealed` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `removed_at` text;--> statement-breakpoint
CREATE INDEX `users_provider` ON `users` (`provider_id`);--> statement-breakpoint
-- The audit log stays append-only; the one update allowed is the sealer's, once per row: it sets the
-- row's place in the hash chain and nothing else.
DROP TRIGGER audit_log_no_update;--> statement-breakpoint
CREATE TRIGGER audit_log_seal_only BEFORE UPDATE ON audit_log
WHEN old.seq IS NOT NULL OR new.seq IS NULL OR new.hash IS NULL OR new.prev_hash IS NULL
  OR new.id IS NOT old.id OR new.provider_id IS NOT old.provider_id OR new.actor IS NOT old.actor
  OR new.action IS NOT old.action OR new.subject_type IS NOT old.subject_type
  OR new.subject_id IS NOT old.subject_id OR new.detail IS NOT old.detail OR new.at IS NOT old.at
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
