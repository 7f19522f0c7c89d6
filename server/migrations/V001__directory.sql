-- The directory: agencies (OPD), units, positions, employees, assignments and acting superiors.
-- Dates are Asia/Jakarta calendar days; timestamps are UTC. Enums are stored by their proto names.

CREATE TABLE opds (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(48) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  has_revenue_target BOOLEAN NOT NULL DEFAULT FALSE,
  version INT NOT NULL DEFAULT 1,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_opds_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE units (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  opd_id BIGINT NOT NULL,
  code VARCHAR(48) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  parent_unit_id BIGINT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_units_opd_code (opd_id, code),
  CONSTRAINT fk_units_opd FOREIGN KEY (opd_id) REFERENCES opds (id),
  CONSTRAINT fk_units_parent FOREIGN KEY (parent_unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE positions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(48) NOT NULL,
  title VARCHAR(200) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  opd_id BIGINT NOT NULL,
  unit_id BIGINT NULL,
  superior_position_id BIGINT NULL,
  version INT NOT NULL DEFAULT 1,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_positions_code (code),
  KEY ix_positions_opd_kind (opd_id, kind),
  KEY ix_positions_superior (superior_position_id),
  CONSTRAINT fk_positions_opd FOREIGN KEY (opd_id) REFERENCES opds (id),
  CONSTRAINT fk_positions_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_positions_superior FOREIGN KEY (superior_position_id) REFERENCES positions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE employees (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  nip CHAR(18) NOT NULL,
  full_name VARCHAR(200) NOT NULL,
  employee_type VARCHAR(8) NOT NULL,
  status VARCHAR(16) NOT NULL,
  version INT NOT NULL DEFAULT 1,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_employees_nip (nip),
  KEY ix_employees_name (full_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- end_date is the last day of the assignment (inclusive); NULL while open.
CREATE TABLE assignments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  employee_id BIGINT NOT NULL,
  position_id BIGINT NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  reason VARCHAR(16) NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_assignments_employee_start (employee_id, start_date),
  KEY ix_assignments_position (position_id, end_date),
  CONSTRAINT fk_assignments_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_assignments_position FOREIGN KEY (position_id) REFERENCES positions (id),
  CONSTRAINT ck_assignments_dates CHECK (end_date IS NULL OR end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE acting_assignments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  employee_id BIGINT NOT NULL,
  position_id BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_acting_position (position_id, start_date),
  KEY ix_acting_employee (employee_id, start_date),
  CONSTRAINT fk_acting_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_acting_position FOREIGN KEY (position_id) REFERENCES positions (id),
  CONSTRAINT ck_acting_dates CHECK (end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Responses of writes that carried a request_id, so that a retried write happens once.
CREATE TABLE idempotency_keys (
  request_id VARCHAR(64) NOT NULL,
  method VARCHAR(128) NOT NULL,
  response LONGBLOB NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (method, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
