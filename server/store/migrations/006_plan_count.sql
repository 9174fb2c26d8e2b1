-- The number of meetings a year a meeting was planned with: a year planned with four meetings is
-- not planned again with six, which would put two meetings in one period.
ALTER TABLE meetings ADD COLUMN plan_count INTEGER;
