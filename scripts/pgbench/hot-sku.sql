-- One client's stock decision without group commit: the plain conditional update on one hot
-- row, one transaction (and one WAL flush) per decision. Run by scripts/bench-postgres.sh.
UPDATE hot_sku SET available = available - 1 WHERE sku = 'HOT-1' AND available >= 1;
