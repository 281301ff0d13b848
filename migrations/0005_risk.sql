CREATE TABLE `coder_signals` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`model_version` integer NOT NULL,
	`reasons` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `coder_signals_provider` ON `coder_signals` (`provider_id`,`at`);--> statement-breakpoint
CREATE TABLE `risk_aggregates` (
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`month` text NOT NULL,
	`claims` integer NOT NULL,
	`not_paid` integer NOT NULL,
	`billed_cents` integer NOT NULL,
	PRIMARY KEY(`dimension`, `key`, `month`)
);
--> statement-breakpoint
CREATE TABLE `risk_models` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`state` text NOT NULL,
	`trigger` text NOT NULL,
	`requested_by` text NOT NULL,
	`feature_version` integer NOT NULL,
	`params` text NOT NULL,
	`report` text,
	`error` text,
	`artifact_key` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`trained_at` text,
	`activated_at` text,
	`retired_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_models_version_unique` ON `risk_models` (`version`);--> statement-breakpoint
CREATE INDEX `risk_models_state` ON `risk_models` (`state`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `risk_models_one_active` ON `risk_models` (`state`) WHERE "risk_models"."state" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX `risk_models_one_training` ON `risk_models` (`state`) WHERE "risk_models"."state" = 'training';--> statement-breakpoint
CREATE TABLE `risk_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `claim_history` ADD `line_modifiers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `claim_history` ADD `line_units` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `claim_history` ADD `place_of_service` text;--> statement-breakpoint
ALTER TABLE `claim_history` ADD `patient_age` integer;--> statement-breakpoint
ALTER TABLE `claim_history` ADD `patient_sex` text;--> statement-breakpoint
ALTER TABLE `claim_history` ADD `patient_key` text;--> statement-breakpoint
CREATE INDEX `claim_history_adjudicated` ON `claim_history` (`adjudicated_date`);--> statement-breakpoint
CREATE INDEX `claim_history_submitted` ON `claim_history` (`submitted_date`);--> statement-breakpoint
CREATE INDEX `claim_history_patient` ON `claim_history` (`provider_id`,`patient_key`,`service_date`);--> statement-breakpoint
ALTER TABLE `claims` ADD `patient_age` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `risk_model_version` integer;--> statement-breakpoint
-- Risk aggregates follow claim_history: a row counts when it is inserted, and only then, so a retried
-- writer (ON CONFLICT DO NOTHING) cannot count a claim twice. Month of adjudication: when the outcome
-- became known, which is what a claim scored later may learn from. One upsert per dimension (D1 caps
-- compound SELECTs).
CREATE TRIGGER claim_history_risk_aggregates AFTER INSERT ON claim_history
BEGIN
  INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
  SELECT 'all', '', substr(NEW.adjudicated_date, 1, 7), 1, NEW.outcome <> 'paid', NEW.billed_cents WHERE true
  ON CONFLICT (dimension, key, month) DO UPDATE SET claims = claims + excluded.claims, not_paid = not_paid + excluded.not_paid, billed_cents = billed_cents + excluded.billed_cents;
  INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
  SELECT 'provider', NEW.provider_id, substr(NEW.adjudicated_date, 1, 7), 1, NEW.outcome <> 'paid', NEW.billed_cents WHERE NEW.provider_id IS NOT NULL
  ON CONFLICT (dimension, key, month) DO UPDATE SET claims = claims + excluded.claims, not_paid = not_paid + excluded.not_paid, billed_cents = billed_cents + excluded.billed_cents;
  INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
  SELECT 'payer', NEW.payer_id, substr(NEW.adjudicated_date, 1, 7), 1, NEW.outcome <> 'paid', NEW.billed_cents WHERE NEW.payer_id IS NOT NULL
  ON CONFLICT (dimension, key, month) DO UPDATE SET claims = claims + excluded.claims, not_paid = not_paid + excluded.not_paid, billed_cents = billed_cents + excluded.billed_cents;
  INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
  SELECT 'cpt', json_extract(NEW.cpt_codes, '$[0]'), substr(NEW.adjudicated_date, 1, 7), 1, NEW.outcome <> 'paid', NEW.billed_cents WHERE json_extract(NEW.cpt_codes, '$[0]') IS NOT NULL
  ON CONFLICT (dimension, key, month) DO UPDATE SET claims = claims + excluded.claims, not_paid = not_paid + excluded.not_paid, billed_cents = billed_cents + excluded.billed_cents;
  INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
  SELECT 'icd', json_extract(NEW.icd_codes, '$[0]'), substr(NEW.adjudicated_date, 1, 7), 1, NEW.outcome <> 'paid', NEW.billed_cents WHERE json_extract(NEW.icd_codes, '$[0]') IS NOT NULL
  ON CONFLICT (dimension, key, month) DO UPDATE SET claims = claims + excluded.claims, not_paid = not_paid + excluded.not_paid, billed_cents = billed_cents + excluded.billed_cents;
  INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
  SELECT 'payer-cpt', NEW.payer_id || ' ' || json_extract(NEW.cpt_codes, '$[0]'), substr(NEW.adjudicated_date, 1, 7), 1, NEW.outcome <> 'paid', NEW.billed_cents WHERE NEW.payer_id || ' ' || json_extract(NEW.cpt_codes, '$[0]') IS NOT NULL
  ON CONFLICT (dimension, key, month) DO UPDATE SET claims = claims + excluded.claims, not_paid = not_paid + excluded.not_paid, billed_cents = billed_cents + excluded.billed_cents;
END;
--> statement-breakpoint
-- History written before this migration counts too.
INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
SELECT 'all', '' AS k, substr(adjudicated_date, 1, 7) AS m, count(*), sum(outcome <> 'paid'), sum(billed_cents) FROM claim_history WHERE k IS NOT NULL GROUP BY k, m;
--> statement-breakpoint
INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
SELECT 'provider', provider_id AS k, substr(adjudicated_date, 1, 7) AS m, count(*), sum(outcome <> 'paid'), sum(billed_cents) FROM claim_history WHERE k IS NOT NULL GROUP BY k, m;
--> statement-breakpoint
INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
SELECT 'payer', payer_id AS k, substr(adjudicated_date, 1, 7) AS m, count(*), sum(outcome <> 'paid'), sum(billed_cents) FROM claim_history WHERE k IS NOT NULL GROUP BY k, m;
--> statement-breakpoint
INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
SELECT 'cpt', json_extract(cpt_codes, '$[0]') AS k, substr(adjudicated_date, 1, 7) AS m, count(*), sum(outcome <> 'paid'), sum(billed_cents) FROM claim_history WHERE k IS NOT NULL GROUP BY k, m;
--> statement-breakpoint
INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
SELECT 'icd', json_extract(icd_codes, '$[0]') AS k, substr(adjudicated_date, 1, 7) AS m, count(*), sum(outcome <> 'paid'), sum(billed_cents) FROM claim_history WHERE k IS NOT NULL GROUP BY k, m;
--> statement-breakpoint
INSERT INTO risk_aggregates (dimension, key, month, claims, not_paid, billed_cents)
SELECT 'payer-cpt', payer_id || ' ' || json_extract(cpt_codes, '$[0]') AS k, substr(adjudicated_date, 1, 7) AS m, count(*), sum(outcome <> 'paid'), sum(billed_cents) FROM claim_history WHERE k IS NOT NULL GROUP BY k, m;
