// Options::endpoints -> one gRPC target for round-robin balancing.
#include "client_sdk/src/channel_target.h"

#include "gtest/gtest.h"

namespace kinerja::sdk::internal {
namespace {

TEST(ChannelTargetTest, SeveralIpv4AddressesMakeOneIpv4Target) {
  auto t = ChannelTargetFor({"127.0.0.1:5001", "127.0.0.1:5002"});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->target, "ipv4:127.0.0.1:5001,127.0.0.1:5002");
  EXPECT_EQ(t->authority, "127.0.0.1:5001");
}

TEST(ChannelTargetTest, LocalhostCountsAsIpv4) {
  auto t = ChannelTargetFor({"localhost:5001", "10.0.0.2:5002"});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->target, "ipv4:127.0.0.1:5001,10.0.0.2:5002");
  EXPECT_EQ(t->authority, "localhost:5001");
}

TEST(ChannelTargetTest, Ipv6AddressesInBrackets) {
  auto t = ChannelTargetFor({"[::1]:5001", "[fd00::2]:5002"});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->target, "ipv6:[::1]:5001,[fd00::2]:5002");
}

TEST(ChannelTargetTest, OneAddress) {
  auto t = ChannelTargetFor({"10.1.2.3:50051"});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->target, "ipv4:10.1.2.3:50051");
}

TEST(ChannelTargetTest, OneDnsNameResolvesThroughDns) {
  auto t = ChannelTargetFor({"kinerja.semarangkota.go.id:443"});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->target, "dns:///kinerja.semarangkota.go.id:443");
  EXPECT_EQ(t->authority, "kinerja.semarangkota.go.id:443");
}

TEST(ChannelTargetTest, OneTargetWithSchemeIsPassedThrough) {
  for (const char* target : {"dns:///kinerja-grpc.kinerja.svc.cluster.local:50051",
                             "ipv4:10.0.0.1:1,10.0.0.2:1", "unix:/run/kinerja.sock"}) {
    auto t = ChannelTargetFor({target});
    ASSERT_TRUE(t.ok()) << target;
    EXPECT_EQ(t->target, target);
    EXPECT_EQ(t->authority, "");
  }
}

TEST(ChannelTargetTest, Refusals) {
  const std::vector<std::vector<std::string>> bad = {
      {},
      {""},
      {"127.0.0.1"},    // no port
      {"127.0.0.1:0"},  // port out of range
      {"127.0.0.1:65536"},
      {"127.0.0.1:+80"},
      {"127.0.0.1:5001,127.0.0.1:5002"},  // one entry per endpoint
      {"::1:5001"},                       // IPv6 without brackets
      {"[not-v6]:5001"},
      {"a.example:1", "b.example:1"},         // several names: use dns:///
      {"127.0.0.1:1", "[::1]:2"},             // mixed families
      {"dns:///a.example:1", "127.0.0.1:2"},  // a scheme must be alone
      {"bad host:1"},
  };
  for (const auto& endpoints : bad) {
    auto t = ChannelTargetFor(endpoints);
    EXPECT_TRUE(absl::IsInvalidArgument(t.status()))
        << (endpoints.empty() ? "(none)" : endpoints[0]) << " -> " << t.status();
  }
}

}  // namespace
}  // namespace kinerja::sdk::internal
