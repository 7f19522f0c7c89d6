-- Lists of an OPD's employees page through (opd_id, nip) in index order instead of sorting every
-- member: each assignment carries its position's OPD and its employee's NIP. Both never change for a
-- row (a position stays in its OPD; a NIP is permanent), so the copies cannot drift.

ALTER TABLE assignments
  ADD COLUMN opd_id BIGINT NULL AFTER position_id,
  ADD COLUMN nip CHAR(18) NULL AFTER employee_id;

UPDATE assignments a JOIN positions p ON p.id = a.position_id SET a.opd_id = p.opd_id;

UPDATE assignments a JOIN employees e ON e.id = a.employee_id SET a.nip = e.nip;

ALTER TABLE assignments
  MODIFY opd_id BIGINT NOT NULL,
  MODIFY nip CHAR(18) NOT NULL,
  ADD KEY ix_assignments_opd_nip (opd_id, nip),
  ADD CONSTRAINT fk_assignments_opd FOREIGN KEY (opd_id) REFERENCES opds (id);
