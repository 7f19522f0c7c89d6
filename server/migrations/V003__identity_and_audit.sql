-- Identity and access (DOMAIN.md 9): accounts, sessions, role grants, API keys, client certificates,
-- and the append-only audit log. Secrets are stored only as hashes: passwords as Argon2id strings,
-- session tokens and API key secrets as SHA-256 hex.

CREATE TABLE accounts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(8) NOT NULL,
  name VARCHAR(64) NOT NULL,
  nip CHAR(18) NULL,
  display_name VARCHAR(200) NOT NULL,
  password_hash VARCHAR(255) NULL,
  must_change_password BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts INT NOT NULL DEFAULT 0,
  last_failure_at TIMESTAMP(6) NULL,
  locked_until TIMESTAMP(6) NULL,
  version INT NOT NULL DEFAULT 1,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_accounts_name (name),
  UNIQUE KEY uq_accounts_nip (nip)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at TIMESTAMP(6) NOT NULL,
  last_seen_at TIMESTAMP(6) NOT NULL,
  revoked_at TIMESTAMP(6) NULL,
  KEY ix_sessions_account (account_id),
  CONSTRAINT fk_sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- opd_id NULL: the role covers the whole city.
CREATE TABLE role_grants (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  role VARCHAR(16) NOT NULL,
  opd_id BIGINT NULL,
  granted_by BIGINT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_role_grants (account_id, role, opd_id),
  CONSTRAINT fk_role_grants_account FOREIGN KEY (account_id) REFERENCES accounts (id),
  CONSTRAINT fk_role_grants_opd FOREIGN KEY (opd_id) REFERENCES opds (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- methods and opds: newline-separated lists (the scope of the key).
CREATE TABLE api_keys (
  key_id CHAR(16) NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL,
  secret_hash CHAR(64) NOT NULL,
  methods TEXT NOT NULL,
  opds TEXT NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at TIMESTAMP(6) NOT NULL,
  revoked_at TIMESTAMP(6) NULL,
  KEY ix_api_keys_account (account_id),
  CONSTRAINT fk_api_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE client_certificates (
  subject VARCHAR(500) NOT NULL,
  account_id BIGINT NOT NULL,
  methods TEXT NOT NULL,
  opds TEXT NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_client_certificates_subject (subject),
  CONSTRAINT fk_client_certificates_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  actor VARCHAR(80) NOT NULL,
  method VARCHAR(160) NOT NULL,
  resource VARCHAR(200) NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  before_json LONGTEXT NULL,
  after_json LONGTEXT NULL,
  KEY ix_audit_at (at),
  KEY ix_audit_actor (actor, at),
  KEY ix_audit_resource (resource, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: no session, the application's included, can change or remove an audit row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
