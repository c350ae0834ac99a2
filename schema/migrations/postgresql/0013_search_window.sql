-- 0013: on SQLite, an index for the newest matches of a ranked search
-- (see sqlite/0013). PostgreSQL orders matches by its RUM index or ranks
-- them in the statement that finds them (migration 0011), and its planner
-- reaches the filter columns without it: nothing to do but keep the
-- numbers of the two engines' migrations the same.
SELECT 1;
