CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`period` text NOT NULL,
	`owner` text NOT NULL,
	`claimed_at` text NOT NULL,
	PRIMARY KEY(`job`, `period`)
);
