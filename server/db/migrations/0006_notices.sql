CREATE TABLE `notice_materials` (
	`notice_id` text NOT NULL,
	`material_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`notice_id`, `material_id`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_materials_material_idx` ON `notice_materials` (`material_id`);--> statement-breakpoint
CREATE TABLE `notice_recipients` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`contact` text NOT NULL,
	`deadline_hours` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notice_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`notice_id` text NOT NULL,
	`received_on` text NOT NULL,
	`text` text NOT NULL,
	`resulting_status` text NOT NULL,
	`by_user_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_responses_notice_idx` ON `notice_responses` (`notice_id`,`at`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient_id` text NOT NULL,
	`legal_ground` text NOT NULL,
	`explanation` text NOT NULL,
	`territorial_scope` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text,
	`deadline_at` text,
	`overdue_recorded_at` text,
	FOREIGN KEY (`recipient_id`) REFERENCES `notice_recipients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_recipient_idx` ON `notices` (`recipient_id`);--> statement-breakpoint
CREATE INDEX `notices_deadline_idx` ON `notices` (`status`,`deadline_at`);