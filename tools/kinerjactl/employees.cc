// kinerjactl employees get NIP | list [--opd X] [--query Q] | superior NIP | export [--opd X]
// (employees import: import.cc)
#include "kinerja/sdk/directory_client.h"
#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"

namespace kinerja::ctl {
namespace {

const std::vector<std::string> kEmployeeHeaders = {"NIP",      "NAME",  "TYPE", "STATUS",
                                                   "POSITION", "TITLE", "OPD"};

std::vector<std::string> EmployeeCells(const v1::Employee& e) {
  const v1::Assignment& a = e.current_assignment();
  return {e.nip(),
          e.full_name(),
          v1::EmployeeType_Name(e.employee_type()),
          v1::EmployeeStatus_Name(e.status()),
          a.position(),
          a.position_title(),
          a.opd()};
}

// Prints every employee of `range` (a list's pages or the export stream).
template <typename Range>
int PrintEmployees(const Command& command, const char* what, Range range) {
  Printer printer(command.format, command.out, kEmployeeHeaders);
  for (const auto& e : range) {
    if (!e.ok()) {
      return ReportError(command.err, what, e.status());
    }
    printer.Add(*e, EmployeeCells(*e));
  }
  printer.Finish();
  return kExitOk;
}

}  // namespace

int RunEmployees(const Command& command) {
  const auto& words = command.args.positional;
  const std::string verb = words.size() > 1 ? words[1] : "";
  if (verb == "import") return RunEmployeesImport(command);
  const bool needs_nip = verb == "get" || verb == "superior";
  if ((needs_nip && words.size() != 3) ||
      (!needs_nip && (words.size() != 2 || (verb != "list" && verb != "export")))) {
    return Usage(command,
                 "usage: kinerjactl employees get NIP | list [--opd X] [--query Q] | "
                 "superior NIP | export [--opd X] | import FILE.csv");
  }
  int exit_code = kExitOk;
  auto options = CallOptions(command, /*need_credentials=*/true, &exit_code);
  if (!options.ok()) return exit_code;
  auto directory = sdk::MakeDirectoryClient(*options);
  if (!directory.ok()) return ReportError(command.err, "employees", directory.status());
  const std::string what = "employees " + verb;

  if (verb == "get") {
    auto e = directory->GetEmployee(words[2]);
    if (!e.ok()) return ReportError(command.err, what, e.status());
    Printer printer(command.format, command.out, kEmployeeHeaders);
    printer.Add(*e, EmployeeCells(*e));
    printer.Finish();
    return kExitOk;
  }
  if (verb == "superior") {
    auto s = directory->GetSuperior(words[2]);
    if (!s.ok()) return ReportError(command.err, what, s.status());
    Printer printer(command.format, command.out, {"NIP", "NAME", "POSITION", "ACTING"});
    printer.Add(*s, {s->employee().nip(), s->employee().full_name(), s->position(),
                     s->acting() ? v1::ActingKind_Name(s->acting_kind()) : "no"});
    printer.Finish();
    return kExitOk;
  }
  if (verb == "list") {
    v1::ListEmployeesRequest request;
    request.set_opd(command.args.Value("opd"));
    request.set_name_prefix(command.args.Value("query"));
    request.set_page_size(500);
    return PrintEmployees(command, what.c_str(), directory->ListEmployees(request));
  }
  return PrintEmployees(command, what.c_str(),
                        directory->ExportEmployees(command.args.Value("opd")));
}

}  // namespace kinerja::ctl
