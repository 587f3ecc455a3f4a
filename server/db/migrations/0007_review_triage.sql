CREATE TABLE `material_claims` (
	`material_id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`assigned_by` text,
	`since` text,
	`version` integer NOT NULL,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_claims_user_idx` ON `material_claims` (`user_id`);--> statement-breakpoint
CREATE TABLE `review_saved_filters` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_saved_filters_user_name_idx` ON `review_saved_filters` (`user_id`,`name`);--> statement-breakpoint
CREATE INDEX `materials_updated_idx` ON `materials` (`updated_at`,`seq`);--> statement-breakpoint
CREATE INDEX `materials_title_idx` ON `materials` (`title`,`seq`);--> statement-breakpoint
CREATE INDEX `review_material_facets_reports_idx` ON `review_material_facets` (`live_reports`,`material_seq`);