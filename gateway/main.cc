// kinerja_gateway: HTTP/JSON in front of the gRPC servers, for every annotated RPC. Flags, each also
// settable as KINERJA_<NAME>.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>

#include <grpcpp/security/credentials.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "gateway/server/api_handler.h"
#include "gateway/server/grpc_backend.h"
#include "gateway/server/http_server.h"
#include "gateway/server/router.h"
#include "gateway/server/session_endpoints.h"
#include "gateway/server/static_files.h"
#include "gateway/transcoder/route_table.h"
#include "server/core/env_flags.h"
#include "server/core/process_signals.h"
#include "server/core/request_log.h"
#include "server/core/tls_config.h"

#ifndef KINERJA_DEFAULT_WEB_DIR
#define KINERJA_DEFAULT_WEB_DIR ""
#endif

ABSL_FLAG(std::string, http_host, "127.0.0.1", "Address the gateway listens on.");
ABSL_FLAG(int, http_port, 8080, "HTTP port.");
ABSL_FLAG(std::string, servers, "127.0.0.1:50051",
          "gRPC servers: host:port,host:port (round-robin) or a dns:/// name.");
ABSL_FLAG(int, call_timeout_s, 30, "Deadline of each unary call to the servers.");
ABSL_FLAG(int, stream_timeout_s, 3600,
          "Deadline of each server-streaming call (e.g. an export read as slowly as its client reads).");
ABSL_FLAG(int, http_threads, 2, "HTTP I/O threads.");
ABSL_FLAG(bool, own_http2, true,
          "Unary calls to cleartext servers over each HTTP thread's own HTTP/2 connections (an answer "
          "stays on the thread of its request); false: over gRPC's channel, as with TLS.");
ABSL_FLAG(int, max_body_mb, 64, "Largest request body accepted.");
ABSL_FLAG(int, shutdown_grace_s, 20, "Seconds requests in flight get to finish on SIGTERM.");
ABSL_FLAG(bool, access_log, true, "One JSON line per request on standard output.");
ABSL_FLAG(std::string, web_dir, KINERJA_DEFAULT_WEB_DIR,
          "Directory of the console, openapi.json and api.html (the build's gateway/web); empty: "
          "serve the API only.");
ABSL_FLAG(std::string, server_ca_file, "",
          "PEM CA bundle for the servers' TLS certificates; empty: plaintext gRPC to the servers.");
ABSL_FLAG(std::string, server_cert_file, "", "PEM client certificate for mutual TLS to the servers.");
ABSL_FLAG(std::string, server_key_file, "", "PEM private key of server_cert_file.");
ABSL_FLAG(std::string, server_tls_name, "",
          "Name the servers' certificates are checked against, when not their address.");

int main(int argc, char** argv) {
  // As in the server: Abseil's debug-build deadlock graph (on in Debian's build) costs a few
  // percent of every call and gRPC takes its mutexes on every call.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage("Kinerja HTTP/JSON gateway. Every flag may be set as KINERJA_<FLAG>.");
  if (absl::Status st = kinerja::core::ApplyEnvironmentOverrides(); !st.ok()) {
    std::cerr << "kinerja_gateway: " << st.message() << "\n";
    return 2;
  }
  absl::ParseCommandLine(argc, argv);
  kinerja::core::StopSignals stop_signals;

  auto routes = kinerja::transcoder::RouteTable::FromGeneratedPool();
  if (!routes.ok()) {
    std::cerr << "kinerja_gateway: cannot build the routes: " << routes.status() << "\n";
    return 1;
  }
  auto credentials = kinerja::core::MakeChannelCredentials(
      {absl::GetFlag(FLAGS_server_ca_file), absl::GetFlag(FLAGS_server_cert_file),
       absl::GetFlag(FLAGS_server_key_file)},
      "server_");
  if (!credentials.ok()) {
    std::cerr << "kinerja_gateway: " << credentials.status().message() << "\n";
    return 2;
  }
  auto backend = kinerja::gateway::GrpcBackend::Create(
      absl::GetFlag(FLAGS_servers), *credentials, absl::GetFlag(FLAGS_server_tls_name));
  if (!backend.ok()) {
    std::cerr << "kinerja_gateway: " << backend.status() << "\n";
    return 2;
  }
  std::optional<kinerja::gateway::StaticFiles> files;
  if (const std::string web_dir = absl::GetFlag(FLAGS_web_dir); !web_dir.empty()) {
    auto loaded = kinerja::gateway::StaticFiles::Load(web_dir);
    if (!loaded.ok()) {
      std::cerr << "kinerja_gateway: --web_dir: " << loaded.status().message() << "\n";
      return 2;
    }
    files = std::move(*loaded);
  }
  const absl::Duration call_timeout = absl::Seconds(absl::GetFlag(FLAGS_call_timeout_s));
  kinerja::gateway::ApiHandler api(*routes, **backend, call_timeout,
                                   absl::Seconds(absl::GetFlag(FLAGS_stream_timeout_s)));
  kinerja::gateway::SessionEndpoints sessions(**backend, call_timeout);
  kinerja::core::RequestLog request_log;
  kinerja::gateway::Router router(api, sessions, files ? &*files : nullptr,
                                  absl::GetFlag(FLAGS_access_log) ? &request_log : nullptr);
  kinerja::gateway::HttpServerOptions options;
  options.host = absl::GetFlag(FLAGS_http_host);
  options.port = absl::GetFlag(FLAGS_http_port);
  options.threads = absl::GetFlag(FLAGS_http_threads);
  options.max_body_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_body_mb)) << 20;
  if (absl::GetFlag(FLAGS_own_http2) && absl::GetFlag(FLAGS_server_ca_file).empty()) {
    if (absl::Status st = (*backend)->ServeOn(options); !st.ok()) {
      std::cerr << "kinerja_gateway: --servers: " << st.message() << "\n";
      return 2;
    }
  }
  kinerja::gateway::HttpServer server(
      options, [&router](kinerja::gateway::HttpRequest req,
                         std::function<void(kinerja::gateway::HttpResponse)> respond) {
        router.Handle(std::move(req), std::move(respond));
      });
  if (absl::Status st = server.Start(); !st.ok()) {
    std::cerr << "kinerja_gateway: " << st.message() << "\n";
    return 1;
  }
  std::cout << "{\"event\":\"started\",\"detail\":\"http " << options.host << ":" << server.port()
            << " -> " << absl::GetFlag(FLAGS_servers)
            << (absl::GetFlag(FLAGS_server_ca_file).empty() ? "" : " (TLS)") << "; "
            << (files ? std::to_string(files->size()) + " web files" : std::string("no console"))
            << "\"}" << std::endl;
  stop_signals.Wait();
  server.Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_s)));
  // Calls still running past the grace period answer into nothing (the HTTP side drops them), but
  // their completions would still reach the router, log and routes that returning from main
  // destroys: end the process here instead, with what was logged written out.
  request_log.Flush();
  std::cout.flush();
  std::_Exit(0);
}
