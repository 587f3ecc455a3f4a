CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`policy_version` text NOT NULL,
	`processing` integer NOT NULL,
	`third_party_transfer` integer NOT NULL,
	`at` text NOT NULL,
	`method` text NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_version`) REFERENCES `policies`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_user_idx` ON `consents` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `policies` (
	`version` text PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text,
	`sha256` text NOT NULL,
	`text_ru` text NOT NULL,
	`text_kk` text NOT NULL,
	`text_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `disclosure_subjects` (
	`disclosure_id` text NOT NULL,
	`user_id` text NOT NULL,
	`identified` integer NOT NULL,
	`report_count` integer NOT NULL,
	PRIMARY KEY(`disclosure_id`, `user_id`),
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disclosure_subjects_user_idx` ON `disclosure_subjects` (`user_id`);--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient` text NOT NULL,
	`recipient_type` text NOT NULL,
	`basis` text NOT NULL,
	`request_number` text NOT NULL,
	`request_date` text NOT NULL,
	`scope` text NOT NULL,
	`include_reporter_identity` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`material_count` integer NOT NULL,
	`report_count` integer NOT NULL,
	`reporter_count` integer NOT NULL,
	`identified_reporter_count` integer NOT NULL,
	`data_sha256` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disclosures_created_idx` ON `disclosures` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`original_name` text NOT NULL,
	`created_at` text NOT NULL,
	`decided_at` text,
	`decided_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_user_idx` ON `documents` (`user_id`);--> statement-breakpoint
CREATE TABLE `erasures` (
	`user_id` text PRIMARY KEY NOT NULL,
	`requested_at` text,
	`destroyed_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `applied_mutations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`report_id` text NOT NULL,
	`result` text NOT NULL,
	`applied_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `evidence` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploaded_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `material_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`material_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`by_user_id` text,
	`at` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_status_changes_material_idx` ON `material_status_changes` (`material_id`,`id`);--> statement-breakpoint
CREATE TABLE `materials` (
	`id` text PRIMARY KEY NOT NULL,
	`url_key` text NOT NULL,
	`url_key_hash` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `materials_url_key_unique` ON `materials` (`url_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `materials_seq_unique` ON `materials` (`seq`);--> statement-breakpoint
CREATE INDEX `materials_url_key_hash_idx` ON `materials` (`url_key_hash`);--> statement-breakpoint
CREATE INDEX `materials_status_idx` ON `materials` (`status`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`material_id` text NOT NULL,
	`url_key` text NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`resource_type` text NOT NULL,
	`languages` text NOT NULL,
	`geography` text NOT NULL,
	`country` text,
	`region` text,
	`openness` text NOT NULL,
	`availability` text NOT NULL,
	`topics` text NOT NULL,
	`note` text NOT NULL,
	`captured_at` text NOT NULL,
	`evidence` text,
	`personal_data_basis` text,
	`personal_data_kinds` text,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`change_seq` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_user_change_idx` ON `reports` (`user_id`,`change_seq`);--> statement-breakpoint
CREATE INDEX `reports_material_idx` ON `reports` (`material_id`);--> statement-breakpoint
CREATE TABLE `sync_counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_daily_counts` (
	`facet` text NOT NULL,
	`day` text NOT NULL,
	`value` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`facet`, `day`, `value`)
);
--> statement-breakpoint
CREATE TABLE `review_material_facets` (
	`material_seq` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`first_reported_day` text NOT NULL,
	`live_reports` integer NOT NULL,
	`topics` integer NOT NULL,
	`languages` integer NOT NULL,
	`regions` integer NOT NULL,
	`resource_types` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_material_facets_status_idx` ON `review_material_facets` (`status`,`material_seq`);--> statement-breakpoint
CREATE TABLE `review_projection_state` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_report_facets` (
	`created_at` text NOT NULL,
	`report_id` text NOT NULL,
	`material_seq` integer NOT NULL,
	`topics` integer NOT NULL,
	`languages` integer NOT NULL,
	`regions` integer NOT NULL,
	`resource_types` integer NOT NULL,
	PRIMARY KEY(`created_at`, `report_id`)
);
--> statement-breakpoint
CREATE INDEX `review_report_facets_material_idx` ON `review_report_facets` (`material_seq`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`actor_user_id` text,
	`subject_type` text,
	`subject_id` text,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_events` (`action`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_events` (`actor_user_id`);--> statement-breakpoint
CREATE TABLE `tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`device_name` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_token_hash_unique` ON `tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `tokens_user_idx` ON `tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`full_name` text NOT NULL,
	`organization` text NOT NULL,
	`position` text NOT NULL,
	`phone` text,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'analyst' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_status_idx` ON `users` (`status`);