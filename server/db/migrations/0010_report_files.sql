CREATE TABLE `report_files` (
	`sha256` text NOT NULL,
	`report_id` text NOT NULL,
	PRIMARY KEY(`sha256`, `report_id`)
);
--> statement-breakpoint
-- The files of the reports already held.
INSERT OR IGNORE INTO `report_files` (`sha256`, `report_id`)
SELECT json_extract(`evidence`, '$.sha256'), `id` FROM `reports`
WHERE json_extract(`evidence`, '$.sha256') IS NOT NULL
UNION
SELECT json_extract(f.value, '$.sha256'), r.`id` FROM `reports` r, json_each(r.`files`) f
WHERE r.`files` IS NOT NULL AND json_extract(f.value, '$.sha256') IS NOT NULL;
