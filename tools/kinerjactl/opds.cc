// kinerjactl opds list
#include "kinerja/sdk/directory_client.h"
#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"

namespace kinerja::ctl {

int RunOpds(const Command& command) {
  const auto& words = command.args.positional;
  if (words.size() != 2 || words[1] != "list") return Usage(command, "usage: kinerjactl opds list");
  int exit_code = kExitOk;
  auto options = CallOptions(command, /*need_credentials=*/true, &exit_code);
  if (!options.ok()) return exit_code;
  auto directory = sdk::MakeDirectoryClient(*options);
  if (!directory.ok()) return ReportError(command.err, "opds list", directory.status());

  Printer printer(command.format, command.out, {"CODE", "NAME", "KIND", "REVENUE TARGET"});
  for (const auto& opd : directory->ListOpds()) {
    if (!opd.ok()) {
      return ReportError(command.err, "opds list", opd.status());  // table rows dropped
    }
    printer.Add(*opd, {opd->code(), opd->display_name(), opd->kind(),
                       opd->has_revenue_target() ? "yes" : "no"});
  }
  printer.Finish();
  return kExitOk;
}

}  // namespace kinerja::ctl
