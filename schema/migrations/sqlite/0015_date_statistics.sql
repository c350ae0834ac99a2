-- 0015: on PostgreSQL, statistics for the planner on the date the --van and
-- --tot filters read. SQLite checks those filters through the narrow index
-- of 0013: nothing to do here. Kept so that both engines count the same
-- versions.
SELECT 1;
