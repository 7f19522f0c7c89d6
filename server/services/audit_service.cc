#include "server/services/audit_service.h"

#include "absl/strings/numbers.h"
#include "server/core/status_details.h"
#include "server/services/request_fields.h"

namespace kinerja::services {

grpc::ServerUnaryReactor* AuditServiceImpl::ListAuditEvents(
    grpc::CallbackServerContext* ctx, const v1::ListAuditEventsRequest* req,
    v1::ListAuditEventsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD("AuditService"), [this, req, resp](const CallInfo&,
                                                                           absl::Time deadline) {
    auto size = PageSize(req->page_size(), 50, 500);
    if (!size.ok()) return size.status();
    auto token = DecodePageToken(req->page_token());
    if (!token.ok()) return token.status();
    int64_t before_id = 0;
    if (!token->empty() && !absl::SimpleAtoi(*token, &before_id)) {
      return core::FieldError("page_token", "is not a page token this service issued");
    }
    storage::AuditFilter filter;
    filter.actor = req->actor();
    filter.method = req->method();
    filter.resource_prefix = req->resource_prefix();
    if (req->has_start_time()) filter.start = absl::FromUnixSeconds(req->start_time().seconds());
    if (req->has_end_time()) filter.end = absl::FromUnixSeconds(req->end_time().seconds());
    auto events = repo_.List(filter, before_id, *size + 1, deadline);
    if (!events.ok()) return events.status();
    const bool more = static_cast<int>(events->size()) > *size;
    if (more) events->resize(*size);
    if (more) {
      absl::string_view name = events->back().name();
      name.remove_prefix(std::string("auditEvents/").size());
      resp->set_next_page_token(EncodePageToken(name));
    }
    for (auto& e : *events) *resp->add_audit_events() = std::move(e);
    return absl::OkStatus();
  });
}

}  // namespace kinerja::services
