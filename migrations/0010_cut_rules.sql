CREATE TABLE `cut_rule_versions` (
	`version` text PRIMARY KEY NOT NULL,
	`effective_from` text NOT NULL,
	`rules` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cut_rule_versions_effective_from` ON `cut_rule_versions` (`effective_from`);--> statement-breakpoint
ALTER TABLE `payouts` ADD `cut_rule_version` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `cut_explanation` text;--> statement-breakpoint
CREATE INDEX `claims_provider_created` ON `claims` (`provider_id`,`created_at`);--> statement-breakpoint
-- A payout names the rule version it was cut under: a stored version must never change meaning.
CREATE TRIGGER cut_rule_versions_no_update BEFORE UPDATE ON cut_rule_versions
BEGIN SELECT RAISE(ABORT, 'cut_rule_versions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER cut_rule_versions_no_delete BEFORE DELETE ON cut_rule_versions
BEGIN SELECT RAISE(ABORT, 'cut_rule_versions is append-only'); END;
