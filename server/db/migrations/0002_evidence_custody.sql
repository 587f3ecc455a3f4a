CREATE TABLE `custody_events` (
	`material_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`at` text NOT NULL,
	`hash` text NOT NULL,
	`event` text NOT NULL,
	PRIMARY KEY(`material_id`, `seq`),
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `custody_events_type_idx` ON `custody_events` (`type`);--> statement-breakpoint
CREATE TABLE `evidence_timestamps` (
	`sha256` text PRIMARY KEY NOT NULL,
	`gen_time` text,
	`token_sha256` text,
	`tsa_url` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text NOT NULL,
	`stamped_at` text,
	FOREIGN KEY (`sha256`) REFERENCES `evidence`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_timestamps_next_idx` ON `evidence_timestamps` (`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `reports` ADD `files` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `capture` text;