// A gMock DiagnosticsConnection, for testing code that uses DiagnosticsClient without a server
// (see mock_directory_connection.h).
#ifndef KINERJA_SDK_MOCKS_MOCK_DIAGNOSTICS_CONNECTION_H_
#define KINERJA_SDK_MOCKS_MOCK_DIAGNOSTICS_CONNECTION_H_

#include <gmock/gmock.h>

#include "kinerja/sdk/diagnostics_connection.h"

namespace kinerja::sdk::mocks {

class MockDiagnosticsConnection : public DiagnosticsConnection {
 public:
  MOCK_METHOD(absl::StatusOr<v1::PingResponse>, Ping, (const v1::PingRequest&), (override));
};

}  // namespace kinerja::sdk::mocks

#endif  // KINERJA_SDK_MOCKS_MOCK_DIAGNOSTICS_CONNECTION_H_
