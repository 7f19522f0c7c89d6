// Everything of the Kinerja C++ SDK in one include: a Client per service, Options, the retry and
// idempotency rules, ranges and status helpers.
#ifndef KINERJA_SDK_KINERJA_SDK_H_
#define KINERJA_SDK_KINERJA_SDK_H_

#include "kinerja/sdk/audit_client.h"
#include "kinerja/sdk/channel.h"
#include "kinerja/sdk/diagnostics_client.h"
#include "kinerja/sdk/directory_client.h"
#include "kinerja/sdk/idempotency.h"
#include "kinerja/sdk/identity_client.h"
#include "kinerja/sdk/options.h"
#include "kinerja/sdk/retry_policy.h"
#include "kinerja/sdk/skp_client.h"
#include "kinerja/sdk/status.h"
#include "kinerja/sdk/stream_range.h"
#include "kinerja/sdk/version.h"

#endif  // KINERJA_SDK_KINERJA_SDK_H_
