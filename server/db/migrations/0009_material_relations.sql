CREATE TABLE `material_fingerprints` (
	`material_id` text NOT NULL,
	`content_sha256` text NOT NULL,
	`source` text NOT NULL,
	`signature` text,
	`at` text NOT NULL,
	PRIMARY KEY(`material_id`, `content_sha256`),
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_fingerprints_content_idx` ON `material_fingerprints` (`content_sha256`);--> statement-breakpoint
CREATE TABLE `material_text_bands` (
	`material_id` text NOT NULL,
	`content_sha256` text NOT NULL,
	`band` integer NOT NULL,
	`band_hash` text NOT NULL,
	PRIMARY KEY(`material_id`, `content_sha256`, `band`),
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_text_bands_hash_idx` ON `material_text_bands` (`band`,`band_hash`);--> statement-breakpoint
ALTER TABLE `materials` ADD `registrable_domain` text;--> statement-breakpoint
ALTER TABLE `materials` ADD `duplicate_of` text;--> statement-breakpoint
ALTER TABLE `materials` ADD `possible_mirror_of` text;--> statement-breakpoint
CREATE INDEX `materials_registrable_domain_idx` ON `materials` (`registrable_domain`,`seq`);--> statement-breakpoint
CREATE INDEX `materials_duplicate_of_idx` ON `materials` (`duplicate_of`);--> statement-breakpoint
CREATE INDEX `materials_possible_mirror_of_idx` ON `materials` (`possible_mirror_of`,`seq`);