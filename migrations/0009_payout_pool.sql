ALTER TABLE `payouts` ADD `pool_id` text;--> statement-breakpoint
CREATE INDEX `payouts_pool_in_flight` ON `payouts` (`pool_id`,`status`);