CREATE TABLE `material_recheck_schedule` (
	`material_id` text PRIMARY KEY NOT NULL,
	`next_due_at` text NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_recheck_schedule_due_idx` ON `material_recheck_schedule` (`next_due_at`);--> statement-breakpoint
CREATE TABLE `material_rechecks` (
	`id` text PRIMARY KEY NOT NULL,
	`material_id` text NOT NULL,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	`http_status` integer,
	`final_url` text,
	`content_sha256` text,
	`content_changed` integer,
	`detail` text,
	`trigger` text NOT NULL,
	`by_user_id` text,
	`suggestion` text,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_rechecks_material_idx` ON `material_rechecks` (`material_id`,`at`);--> statement-breakpoint
ALTER TABLE `material_status_changes` ADD `legal_ground` text;