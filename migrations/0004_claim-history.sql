CREATE TABLE `claim_history` (
	`provider_id` text NOT NULL,
	`scenario` text NOT NULL,
	`seed` integer NOT NULL,
	`sequence` integer NOT NULL,
	`pattern` text,
	`claim_number` text NOT NULL,
	`payer_id` text NOT NULL,
	`service_date` text NOT NULL,
	`submitted_date` text NOT NULL,
	`adjudicated_date` text NOT NULL,
	`billed_cents` integer NOT NULL,
	`paid_cents` integer NOT NULL,
	`outcome` text NOT NULL,
	`carc` text,
	`rarc_codes` text NOT NULL,
	`cpt_codes` text NOT NULL,
	`icd_codes` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_history_trace` ON `claim_history` (`provider_id`,`scenario`,`seed`,`sequence`);