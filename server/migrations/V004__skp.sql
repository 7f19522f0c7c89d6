-- The SKP lifecycle (DOMAIN.md 3 and 5): plans with their RHK and IKI, the superior's expectations,
-- the annual evaluation, the organisation predikat per OPD and year, and the distribution-quota
-- configuration. Enums are stored by their proto names without the type prefix where noted.

-- One SKP per assignment and year. opd_id, position_id and nip are the assignment's, copied when the
-- SKP is made (they never change for an assignment).
CREATE TABLE skps (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assignment_id BIGINT NOT NULL,
  nip CHAR(18) NOT NULL,
  opd_id BIGINT NOT NULL,
  position_id BIGINT NOT NULL,
  year SMALLINT NOT NULL,
  approach VARCHAR(32) NOT NULL,
  state VARCHAR(32) NOT NULL,
  revision INT NOT NULL DEFAULT 1,
  start_date DATE NOT NULL,
  closed_on DATE NULL,
  return_note VARCHAR(2000) NOT NULL DEFAULT '',
  hasil_kerja VARCHAR(32) NULL,
  hasil_kerja_justification TEXT NULL,
  perilaku_kerja VARCHAR(32) NULL,
  perilaku_kerja_justification TEXT NULL,
  predikat VARCHAR(32) NULL,
  evaluator_nip CHAR(18) NULL,
  evaluated_at TIMESTAMP(6) NULL,
  version INT NOT NULL DEFAULT 1,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_skps_assignment_year (assignment_id, year),
  KEY ix_skps_opd_year_state (opd_id, year, state),
  KEY ix_skps_nip_year (nip, year),
  CONSTRAINT fk_skps_assignment FOREIGN KEY (assignment_id) REFERENCES assignments (id),
  CONSTRAINT fk_skps_opd FOREIGN KEY (opd_id) REFERENCES opds (id),
  CONSTRAINT fk_skps_position FOREIGN KEY (position_id) REFERENCES positions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- RHK keep their id across edits and revisions, so a subordinate's intervensi stays pointed at them.
CREATE TABLE skp_rhks (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  skp_id BIGINT NOT NULL,
  ordinal INT NOT NULL,
  kind VARCHAR(24) NOT NULL,
  text VARCHAR(1000) NOT NULL,
  intervensi_rhk_id BIGINT NULL,
  perjanjian_kinerja VARCHAR(500) NOT NULL DEFAULT '',
  perspective VARCHAR(40) NOT NULL DEFAULT '',
  approved BOOLEAN NOT NULL DEFAULT FALSE,
  KEY ix_skp_rhks_skp (skp_id, ordinal),
  KEY ix_skp_rhks_intervensi (intervensi_rhk_id),
  CONSTRAINT fk_skp_rhks_skp FOREIGN KEY (skp_id) REFERENCES skps (id),
  CONSTRAINT fk_skp_rhks_intervensi FOREIGN KEY (intervensi_rhk_id) REFERENCES skp_rhks (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE skp_ikis (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rhk_id BIGINT NOT NULL,
  ordinal INT NOT NULL,
  text VARCHAR(500) NOT NULL,
  aspect VARCHAR(24) NOT NULL,
  target VARCHAR(200) NOT NULL,
  unit VARCHAR(50) NOT NULL,
  KEY ix_skp_ikis_rhk (rhk_id, ordinal),
  CONSTRAINT fk_skp_ikis_rhk FOREIGN KEY (rhk_id) REFERENCES skp_rhks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The superior's "ekspektasi khusus pimpinan", one per BerAKHLAK value.
CREATE TABLE skp_expectations (
  skp_id BIGINT NOT NULL,
  value VARCHAR(40) NOT NULL,
  text VARCHAR(1000) NOT NULL,
  PRIMARY KEY (skp_id, value),
  CONSTRAINT fk_skp_expectations_skp FOREIGN KEY (skp_id) REFERENCES skps (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Entered by an evaluator until organisational performance computes it.
CREATE TABLE organization_predikats (
  opd_id BIGINT NOT NULL,
  year SMALLINT NOT NULL,
  predikat VARCHAR(40) NOT NULL,
  entered_by VARCHAR(80) NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (opd_id, year),
  CONSTRAINT fk_organization_predikats_opd FOREIGN KEY (opd_id) REFERENCES opds (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The distribution quota per organisation predikat, versioned by the first year it applies to: a
-- year uses the rows of the greatest valid_from_year not after it. predikats: names without the
-- PREDIKAT_ prefix joined by '|'; bound: AT_MOST_PERCENT, AT_LEAST_PERCENT (value in basis points)
-- or AT_LEAST_COUNT (value in employees). See server/domain/distribution_quota.h.
CREATE TABLE skp_quota_rules (
  valid_from_year SMALLINT NOT NULL,
  organization_predikat VARCHAR(40) NOT NULL,
  ordinal INT NOT NULL,
  predikats VARCHAR(200) NOT NULL,
  bound VARCHAR(24) NOT NULL,
  value INT NOT NULL,
  source VARCHAR(200) NOT NULL,
  PRIMARY KEY (valid_from_year, organization_predikat, ordinal)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- [reg: SE MenPANRB 3/2023] (DOMAIN.md 5.4).
INSERT INTO skp_quota_rules (valid_from_year, organization_predikat, ordinal, predikats, bound, value, source) VALUES
  (2023, 'ISTIMEWA', 1, 'SANGAT_BAIK', 'AT_MOST_PERCENT', 7000, 'SE MenPANRB 3/2023'),
  (2023, 'BAIK', 1, 'BAIK', 'AT_MOST_PERCENT', 7000, 'SE MenPANRB 3/2023'),
  (2023, 'BAIK', 2, 'BUTUH_PERBAIKAN|KURANG_MISCONDUCT', 'AT_LEAST_COUNT', 1, 'SE MenPANRB 3/2023'),
  (2023, 'BUTUH_PERBAIKAN', 1, 'BUTUH_PERBAIKAN', 'AT_LEAST_PERCENT', 6000, 'SE MenPANRB 3/2023'),
  (2023, 'BUTUH_PERBAIKAN', 2, 'SANGAT_BAIK', 'AT_MOST_PERCENT', 1000, 'SE MenPANRB 3/2023'),
  (2023, 'KURANG', 1, 'KURANG_MISCONDUCT', 'AT_LEAST_PERCENT', 6000, 'SE MenPANRB 3/2023'),
  (2023, 'KURANG', 2, 'BUTUH_PERBAIKAN', 'AT_LEAST_PERCENT', 1000, 'SE MenPANRB 3/2023'),
  (2023, 'KURANG', 3, 'SANGAT_BAIK', 'AT_MOST_PERCENT', 1000, 'SE MenPANRB 3/2023'),
  (2023, 'SANGAT_KURANG', 1, 'SANGAT_KURANG', 'AT_LEAST_PERCENT', 6000, 'SE MenPANRB 3/2023'),
  (2023, 'SANGAT_KURANG', 2, 'KURANG_MISCONDUCT|BUTUH_PERBAIKAN', 'AT_LEAST_PERCENT', 1000, 'SE MenPANRB 3/2023'),
  (2023, 'SANGAT_KURANG', 3, 'SANGAT_BAIK', 'AT_MOST_PERCENT', 0, 'SE MenPANRB 3/2023');

-- Whether a violated quota blocks finalisation, versioned the same way [default: it blocks].
CREATE TABLE skp_year_settings (
  valid_from_year SMALLINT NOT NULL PRIMARY KEY,
  quota_blocks_finalization BOOLEAN NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO skp_year_settings (valid_from_year, quota_blocks_finalization) VALUES (2023, TRUE);
