CREATE TABLE `limit_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log` text NOT NULL,
	`key` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `limit_failures_key_idx` ON `limit_failures` (`log`,`key`,`at`);--> statement-breakpoint
CREATE INDEX `limit_failures_at_idx` ON `limit_failures` (`at`);