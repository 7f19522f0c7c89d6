// All SQL of the directory (DOMAIN.md section 2): OPDs, units, positions, employees, assignments and
// acting superiors. Methods take a deadline for waiting on a connection and return canonical statuses
// (NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT with field violations, UNAVAILABLE ...). Writes that
// carry a request_id store their response, and a retry with the same id gets it back unchanged.
#ifndef KINERJA_SERVER_STORAGE_DIRECTORY_REPOSITORY_H_
#define KINERJA_SERVER_STORAGE_DIRECTORY_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "kinerja/v1/directory.pb.h"
#include "server/domain/employee_import.h"
#include "server/storage/audit_store.h"
#include "server/storage/connection_pool.h"

namespace kinerja::storage {

struct EmployeeFilter {
  std::string opd;
  std::string unit;
  v1::PositionKind position_kind = v1::POSITION_KIND_UNSPECIFIED;
  std::string name_prefix;
};

struct PositionFilter {
  std::string opd;
  std::string unit;
  v1::PositionKind kind = v1::POSITION_KIND_UNSPECIFIED;
};

struct PositionUpdate {
  std::optional<std::string> title;
  std::optional<std::string> unit;               // empty string: no unit
  std::optional<std::string> superior_position;  // empty string: top of the tree
};

struct ImportCounts {
  int employees_created = 0;
  int employees_updated = 0;
  int assignments_opened = 0;
  int rows_unchanged = 0;
};

class DirectoryRepository {
 public:
  explicit DirectoryRepository(ConnectionPool& pool) : pool_(pool) {}

  // OPDs and units.
  absl::StatusOr<v1::Opd> CreateOpd(const v1::Opd& opd, const std::string& request_id,
                                    const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<v1::Opd> GetOpd(const std::string& code, absl::Time deadline);
  // OPDs with code > after, by code, at most limit.
  absl::StatusOr<std::vector<v1::Opd>> ListOpds(const std::string& after, int limit,
                                                absl::Time deadline);
  absl::StatusOr<v1::Unit> CreateUnit(const std::string& opd_code, const v1::Unit& unit,
                                      const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<std::vector<v1::Unit>> ListUnits(const std::string& opd_code, absl::Time deadline);

  // Positions.
  absl::StatusOr<v1::Position> CreatePosition(const v1::Position& position,
                                              const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<v1::Position> GetPosition(const std::string& code, absl::Time deadline);
  absl::StatusOr<std::vector<v1::Position>> ListPositions(const PositionFilter& filter,
                                                          const std::string& after, int limit,
                                                          absl::Time deadline);
  absl::StatusOr<v1::Position> UpdatePosition(const std::string& code, const PositionUpdate& update,
                                              const AuditContext& audit, absl::Time deadline);

  // Employees; current_assignment is the one covering `day`.
  absl::StatusOr<v1::Employee> CreateEmployee(const v1::Employee& employee,
                                              const std::string& request_id, absl::CivilDay day,
                                              const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<v1::Employee> GetEmployee(const std::string& nip, absl::CivilDay day,
                                           absl::Time deadline);
  // Many employees in one query, by NIP; unknown NIPs are absent from the map.
  absl::StatusOr<absl::flat_hash_map<std::string, v1::Employee>> GetEmployees(
      const std::vector<std::string>& nips, absl::CivilDay day, absl::Time deadline);
  // Employees with nip > after, by NIP; filters apply to the assignment covering `day`.
  absl::StatusOr<std::vector<v1::Employee>> ListEmployees(const EmployeeFilter& filter,
                                                          absl::CivilDay day,
                                                          const std::string& after, int limit,
                                                          absl::Time deadline);

  // Assignments.
  absl::StatusOr<v1::Assignment> TransferEmployee(const std::string& nip,
                                                  const std::string& position_code,
                                                  absl::CivilDay effective,
                                                  v1::AssignmentReason reason,
                                                  const std::string& request_id,
                                                  const AuditContext& audit, absl::Time deadline);
  absl::StatusOr<std::vector<v1::Assignment>> ListAssignments(const std::string& nip,
                                                              absl::Time deadline);

  // Acting superiors.
  absl::StatusOr<v1::ActingAssignment> CreateActingAssignment(const v1::ActingAssignment& acting,
                                                              const std::string& request_id,
                                                              const AuditContext& audit,
                                                              absl::Time deadline);
  absl::StatusOr<std::vector<v1::ActingAssignment>> ListActingAssignments(
      const std::string& position_code, const std::string& nip, absl::Time deadline);

  // The superior relation on a day.
  absl::StatusOr<v1::Superior> GetSuperior(const std::string& nip, absl::CivilDay day,
                                           absl::Time deadline);
  absl::StatusOr<std::vector<v1::Employee>> ListSubordinates(const std::string& nip,
                                                             absl::CivilDay day,
                                                             absl::Time deadline);

  // Bulk import: plans with domain::PlanImport against the rows' snapshot and applies all or nothing.
  absl::StatusOr<ImportCounts> ImportEmployees(const std::vector<domain::ImportRow>& rows,
                                               bool validate_only, const AuditContext& audit,
                                               absl::Time deadline);

 private:
  ConnectionPool& pool_;
};

}  // namespace kinerja::storage

#endif  // KINERJA_SERVER_STORAGE_DIRECTORY_REPOSITORY_H_
