// kinerjactl skp list NIP [--year Y]
#include "absl/strings/numbers.h"
#include "kinerja/sdk/skp_client.h"
#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"

namespace kinerja::ctl {

int RunSkp(const Command& command) {
  const auto& words = command.args.positional;
  int year = 0;
  if (words.size() != 3 || words[1] != "list" ||
      !absl::SimpleAtoi(command.args.Value("year", "0"), &year)) {
    return Usage(command, "usage: kinerjactl skp list NIP [--year YEAR]");
  }
  int exit_code = kExitOk;
  auto options = CallOptions(command, /*need_credentials=*/true, &exit_code);
  if (!options.ok()) return exit_code;
  auto skp = sdk::MakeSkpClient(*options);
  if (!skp.ok()) return ReportError(command.err, "skp list", skp.status());
  auto plans = skp->ListSkps(words[2], year);
  if (!plans.ok()) return ReportError(command.err, "skp list", plans.status());
  Printer printer(command.format, command.out,
                  {"NAME", "YEAR", "STATE", "REVISION", "POSITION", "OPD"});
  for (const auto& p : plans->skps()) {
    printer.Add(p, {p.name(), std::to_string(p.year()), v1::SkpState_Name(p.state()),
                    std::to_string(p.revision()), p.position_title(), p.opd()});
  }
  printer.Finish();
  return kExitOk;
}

}  // namespace kinerja::ctl
