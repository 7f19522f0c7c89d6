// The gRPC channel behind every connection made from Options.
#ifndef KINERJA_SDK_CHANNEL_H_
#define KINERJA_SDK_CHANNEL_H_

#include <grpcpp/channel.h>

#include <memory>

#include "absl/status/statusor.h"
#include "kinerja/sdk/options.h"

namespace kinerja::sdk {

// A channel to every endpoint of `options`, balanced round-robin, with the TLS settings, the user
// agent and gRPC's own retries turned off (the connections retry, see retry_policy.h).
// INVALID_ARGUMENT for bad options, NOT_FOUND for a TLS file that cannot be read. The channel
// connects lazily, at the first call.
//
// The MakeXxxConnection(Options) factories each make their own channel; channels with the same
// settings share gRPC's subchannels, so they also share TCP connections. To be explicit about it,
// make one channel and pass stubs on it to the MakeXxxConnection(stub, options) overloads.
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const Options& options);

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_CHANNEL_H_
