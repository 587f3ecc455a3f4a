ALTER TABLE `material_status_changes` ADD `reporter_comment` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `materials` ADD `reporter_comment` text DEFAULT '' NOT NULL;