// A gMock AuditConnection, for testing code that uses AuditClient without a server (see
// mock_directory_connection.h).
#ifndef KINERJA_SDK_MOCKS_MOCK_AUDIT_CONNECTION_H_
#define KINERJA_SDK_MOCKS_MOCK_AUDIT_CONNECTION_H_

#include <gmock/gmock.h>

#include "kinerja/sdk/audit_connection.h"

namespace kinerja::sdk::mocks {

class MockAuditConnection : public AuditConnection {
 public:
  MOCK_METHOD(PaginatedRange<v1::AuditEvent>, ListAuditEvents, (const v1::ListAuditEventsRequest&),
              (override));
};

}  // namespace kinerja::sdk::mocks

#endif  // KINERJA_SDK_MOCKS_MOCK_AUDIT_CONNECTION_H_
