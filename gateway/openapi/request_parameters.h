// A route's path and query parameters, following the gateway's request rules
// (gateway/transcoder/request_builder.h): path variables fill the fields they name; every other
// field a URL can set (a scalar, an enum, a repeated scalar, a Timestamp, Duration, FieldMask or
// wrapper, reached through singular message fields) is a query parameter, named by its JSON names
// joined with '.', unless the body carries it. A "*" body leaves no query parameters.
#ifndef KINERJA_GATEWAY_OPENAPI_REQUEST_PARAMETERS_H_
#define KINERJA_GATEWAY_OPENAPI_REQUEST_PARAMETERS_H_

#include <vector>

#include "gateway/openapi/api_model.h"
#include "gateway/openapi/openapi_path.h"
#include "gateway/openapi/schema_writer.h"
#include "gateway/transcoder/route_table.h"

namespace kinerja::openapi {

std::vector<ApiParameter> PathParameters(const transcoder::Route& route, const OpenApiPath& path,
                                         SchemaWriter* schemas);

std::vector<ApiParameter> QueryParameters(const transcoder::Route& route, SchemaWriter* schemas);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_REQUEST_PARAMETERS_H_
