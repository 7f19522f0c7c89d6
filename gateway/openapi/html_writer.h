// The API as one self-contained HTML page (inline CSS, no scripts, nothing fetched): how to
// authenticate, then per service and method the HTTP method and path, description, parameters,
// request body and response with their fields, and every schema, linked by anchors
// ("#op-DirectoryService_GetOpd", "#schema-kinerja.v1.Opd"). Written from the same ApiModel as the
// OpenAPI document, which it links to.
#ifndef KINERJA_GATEWAY_OPENAPI_HTML_WRITER_H_
#define KINERJA_GATEWAY_OPENAPI_HTML_WRITER_H_

#include <string>

#include "absl/status/statusor.h"
#include "gateway/openapi/api_info.h"
#include "gateway/openapi/api_model.h"
#include "gateway/openapi/openapi_writer.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::openapi {

std::string WriteApiHtml(const ApiModel& model, const ApiInfo& info);
absl::StatusOr<std::string> WriteApiHtml(const transcoder::RouteTable& routes,
                                         const DocOptions& options = {});

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_HTML_WRITER_H_
