// HelpText (commands.h): `kinerjactl --help`.
#include "absl/strings/str_cat.h"
#include "tools/kinerjactl/commands.h"
#include "tools/kinerjactl/exit_codes.h"

namespace kinerja::ctl {

std::string HelpText() {
  return absl::StrCat(
      "kinerjactl: the Kinerja directory from the command line (on the Kinerja C++ SDK).\n"
      "\n"
      "Usage: kinerjactl COMMAND [ARGS] [OPTIONS]\n"
      "\n"
      "Commands:\n"
      "  login --server ADDR --nip NIP   sign in; the password is asked on the terminal (not\n"
      "                                  echoed), or read from KINERJA_PASSWORD or the first\n"
      "                                  line of stdin when stdin is not a terminal. The session\n"
      "                                  is kept in $XDG_CONFIG_HOME/kinerja/session (mode 600)\n"
      "  logout                          end the session and remove the session file\n"
      "  opds list                       every OPD\n"
      "  employees get NIP               one employee and their current position\n"
      "  employees list [--opd CODE] [--query NAME_PREFIX]\n"
      "  employees superior NIP          who approves and rates the employee today\n"
      "  employees export [--opd CODE]   every employee (of the OPD), streamed\n"
      "  employees import FILE.csv [--validate-only] [--batch-size N]\n"
      "      imports a CSV of employees and assignments (docs/csv-import.md) in batches of N\n"
      "      rows (default 1000; the header repeated, rows in the file's order). First every\n"
      "      batch is validated (nothing stored; problems shown with the file's line numbers),\n"
      "      then, unless --validate-only, every batch is imported. If a batch fails in the\n"
      "      import pass, the batches before it stay applied; fix the file and run the same\n"
      "      command again - this is safe, because an import is idempotent by content (rows\n"
      "      already stored are left unchanged). Progress goes to stderr: a bar on a terminal,\n"
      "      plain lines otherwise.\n"
      "  skp list NIP [--year YEAR]      the employee's performance plans\n"
      "\n"
      "Options:\n"
      "  --server HOST:PORT   the gRPC server (default: KINERJA_SERVER, then the session's)\n"
      "  --output FORMAT      table (default; aligned columns), json (proto3 JSON, one message\n"
      "                       per line: JSON Lines), csv (RFC 4180, with a header row)\n"
      "  --tls                use TLS with the system's roots\n"
      "  --ca-file FILE       use TLS, trusting the CA certificates in FILE (PEM)\n"
      "  --server-name NAME   the name the server certificate must carry (with TLS)\n"
      "  -h, --help           this text\n"
      "\n"
      "Credentials, first found: KINERJA_API_KEY, KINERJA_TOKEN (a session token), the session\n"
      "file of 'kinerjactl login'.\n"
      "\n",
      ExitCodeHelp());
}

}  // namespace kinerja::ctl
