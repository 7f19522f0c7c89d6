-- The SKP cache's change feed (server/storage/skp_change_feed.cc) asks each replica, a few times a
-- second, for the plans, employees and positions written in the last two minutes, by updated_at.
ALTER TABLE skps ADD KEY ix_skps_updated_at (updated_at);
ALTER TABLE employees ADD KEY ix_employees_updated_at (updated_at);
ALTER TABLE positions ADD KEY ix_positions_updated_at (updated_at);
