-- The reviewers' free-text search: substrings of materials' titles and URLs in any letter case.
-- The trigram tokenizer with case_sensitive 0 folds case for every alphabet (Latin, Cyrillic with
-- the Kazakh letters), and a phrase of three or more characters is found through the index.
-- External content keyed by `seq`: the texts stay in `materials` only, and the triggers below keep
-- the index in step with every insert, update and delete, whoever writes.
CREATE VIRTUAL TABLE `materials_search` USING fts5(
  title,
  url,
  content = 'materials',
  content_rowid = 'seq',
  tokenize = 'trigram case_sensitive 0'
);
--> statement-breakpoint
-- Each push transaction adds a small segment; merging 16 at a time instead of 4 halves what a new
-- material costs on the push path, and a search reads no slower (a stored, lasting setting).
INSERT INTO `materials_search` (`materials_search`, rank) VALUES ('automerge', 16);
--> statement-breakpoint
CREATE TRIGGER `materials_search_insert` AFTER INSERT ON `materials` BEGIN
  INSERT INTO `materials_search` (rowid, title, url) VALUES (new.seq, new.title, new.url);
END;
--> statement-breakpoint
CREATE TRIGGER `materials_search_delete` AFTER DELETE ON `materials` BEGIN
  INSERT INTO `materials_search` (`materials_search`, rowid, title, url)
    VALUES ('delete', old.seq, old.title, old.url);
END;
--> statement-breakpoint
CREATE TRIGGER `materials_search_update` AFTER UPDATE OF seq, title, url ON `materials` BEGIN
  INSERT INTO `materials_search` (`materials_search`, rowid, title, url)
    VALUES ('delete', old.seq, old.title, old.url);
  INSERT INTO `materials_search` (rowid, title, url) VALUES (new.seq, new.title, new.url);
END;
--> statement-breakpoint
-- Materials recorded before this migration are indexed now.
INSERT INTO `materials_search` (`materials_search`) VALUES ('rebuild');
