#include "gateway/openapi/html_writer.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gateway/openapi/html_schema.h"
#include "gateway/openapi/html_text.h"
#include "gateway/openapi/schema_writer.h"

namespace kinerja::openapi {
namespace {

constexpr absl::string_view kStyle = R"css(
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
       margin: 0 auto; max-width: 72rem; padding: 1rem 2rem 4rem; }
h1 { margin-bottom: 0; } h2 { border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; margin-top: 3rem; }
h3 { margin: 0 0 .5rem; font-size: 1.15rem; } h4 { margin: 1rem 0 .3rem; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f4f6;
       padding: .05em .3em; border-radius: 4px; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
.muted, .rpc { color: #59636e; font-size: .9rem; }
.op, .schema { border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem 1.2rem; margin: 1.2rem 0; }
.verb { display: inline-block; min-width: 4.2rem; text-align: center; font-weight: 700; color: #fff;
        border-radius: 4px; padding: .1rem .4rem; margin-right: .4rem; font-size: .85rem; }
.verb-get { background: #1f7a4d; } .verb-post { background: #0969da; } .verb-put { background: #9a6700; }
.verb-patch { background: #8250df; } .verb-delete { background: #cf222e; }
.verb-other { background: #59636e; }
.path { font-size: 1rem; background: none; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; font-size: .95rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td p { margin: 0 0 .4rem; } td p:last-child { margin-bottom: 0; }
nav ul { padding-left: 1.2rem; } nav li { margin: .1rem 0; }
)css";

std::string VerbHtml(const std::string& http_method) {
  const std::string lower = absl::AsciiStrToLower(http_method);
  const bool known = lower == "get" || lower == "post" || lower == "put" || lower == "patch" ||
                     lower == "delete";
  return absl::StrCat("<span class=\"verb verb-", known ? lower : "other", "\">", HtmlEscape(http_method),
                      "</span>");
}

std::string OperationAnchor(const ApiOperation& op) { return absl::StrCat("op-", op.operation_id); }
std::string ServiceAnchor(const ApiService& s) { return absl::StrCat("service-", s.name); }

// Which credentials an operation takes, with links to the Authentication section.
std::string CredentialsHtml(const ApiOperation& op, const ApiInfo& info) {
  if (op.access.has_value() && op.access->anonymous) return "No credentials needed.";
  std::vector<std::string> options;
  for (const auto& together : IsSafeMethod(op.http_method) ? info.read_security : info.write_security) {
    std::vector<std::string> keys;
    for (const std::string& key : together) keys.push_back(absl::StrCat("<code>", HtmlEscape(key), "</code>"));
    options.push_back(absl::StrJoin(keys, " + "));
  }
  return absl::StrCat("<a href=\"#authentication\">Credentials</a>: ", absl::StrJoin(options, " or "), ".");
}

std::string ParametersHtml(const ApiOperation& op) {
  if (op.parameters.empty()) return "";
  std::string out =
      "<h4>Parameters</h4>\n<table class=\"params\">\n<thead><tr><th>Name</th><th>In</th><th>Type</th>"
      "<th>Description</th></tr></thead>\n<tbody>\n";
  for (const ApiParameter& p : op.parameters) {
    absl::StrAppend(&out, "<tr><td><code>", HtmlEscape(p.name), "</code>", p.required ? " (required)" : "",
                    "</td><td>", HtmlEscape(p.in), "</td><td>", SchemaTypeHtml(p.schema), "</td><td>",
                    ProseHtml(p.description), "</td></tr>\n");
  }
  absl::StrAppend(&out, "</tbody>\n</table>\n");
  return out;
}

// A request or response body: what it is, its type (unless it is an object spelled out below), and
// its fields.
std::string BodyHtml(const std::string& description, const Json& schema, const ApiModel& model) {
  const Json* properties = schema.Find("properties");
  const bool spelled_out = properties != nullptr && !properties->members().empty();
  return absl::StrCat("<p>", InlineHtml(description),
                      spelled_out ? "" : absl::StrCat(" Type: ", SchemaTypeHtml(schema), "."), "</p>\n",
                      SchemaDetailsHtml(schema, model.schemas));
}

std::string OperationHtml(const ApiOperation& op, const ApiModel& model, const ApiInfo& info) {
  std::string out = absl::StrCat("<article class=\"op\" id=\"", HtmlEscape(OperationAnchor(op)), "\">\n<h3>",
                                 VerbHtml(op.http_method), "<code class=\"path\">", HtmlEscape(op.path),
                                 "</code></h3>\n");
  absl::StrAppend(&out, "<p class=\"rpc\">", HtmlEscape(op.operation_id), " &middot; gRPC <code>",
                  HtmlEscape(op.rpc), "</code> &middot; template <code>", HtmlEscape(op.path_template),
                  "</code></p>\n");
  absl::StrAppend(&out, ProseHtml(op.description));
  absl::StrAppend(&out, "<p>", CredentialsHtml(op, info), "</p>\n");
  absl::StrAppend(&out, ParametersHtml(op));
  if (op.has_body) {
    absl::StrAppend(&out, "<h4>Request body</h4>\n", BodyHtml(op.request_body_description, op.request_body, model));
  }
  absl::StrAppend(&out, "<h4>Response</h4>\n", BodyHtml(op.response_description, op.response, model));
  Json error_ref = Json::Object();
  error_ref.Set("$ref", SchemaRef(model.error_schema));
  absl::StrAppend(&out, "<p class=\"muted\">On error: ", SchemaTypeHtml(error_ref), ".</p>\n</article>\n");
  return out;
}

std::string ContentsHtml(const ApiModel& model) {
  std::string out = "<nav>\n<h2>Contents</h2>\n<ul>\n<li><a href=\"#authentication\">Authentication</a></li>\n";
  for (const ApiService& service : model.services) {
    absl::StrAppend(&out, "<li><a href=\"#", HtmlEscape(ServiceAnchor(service)), "\">", HtmlEscape(service.name),
                    "</a>\n<ul>\n");
    for (const ApiOperation& op : model.operations) {
      if (op.service != service.name) continue;
      absl::StrAppend(&out, "<li><a href=\"#", HtmlEscape(OperationAnchor(op)), "\">", HtmlEscape(op.http_method),
                      " ", HtmlEscape(op.path), "</a> <span class=\"muted\">", HtmlEscape(op.operation_id),
                      "</span></li>\n");
    }
    absl::StrAppend(&out, "</ul></li>\n");
  }
  absl::StrAppend(&out, "<li><a href=\"#schemas\">Schemas</a></li>\n</ul>\n</nav>\n");
  return out;
}

std::string AuthenticationHtml(const ApiInfo& info) {
  std::string out = "<section id=\"authentication\">\n<h2>Authentication</h2>\n<ul>\n";
  for (const AuthScheme& scheme : info.auth) {
    if (!scheme.how.empty()) {
      absl::StrAppend(&out, "<li>", InlineHtml(scheme.how), " <span class=\"muted\">(<code>",
                      HtmlEscape(scheme.key), "</code>)</span></li>\n");
    }
  }
  absl::StrAppend(&out, "</ul>\n<p>Methods marked <em>No credentials needed</em> accept requests without any.</p>\n",
                  ProseHtml(info.errors), "</section>\n");
  return out;
}

std::string SchemasHtml(const ApiModel& model) {
  std::string out = "<section id=\"schemas\">\n<h2>Schemas</h2>\n";
  for (const auto& [name, schema] : model.schemas.members()) {
    const Json* description = schema.Find("description");
    absl::StrAppend(&out, "<div class=\"schema\" id=\"", HtmlEscape(SchemaAnchor(name)), "\">\n<h3>",
                    HtmlEscape(name), "</h3>\n",
                    description != nullptr ? ProseHtml(description->string_value()) : "",
                    SchemaDetailsHtml(schema, model.schemas), "</div>\n");
  }
  absl::StrAppend(&out, "</section>\n");
  return out;
}

}  // namespace

std::string WriteApiHtml(const ApiModel& model, const ApiInfo& info) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      HtmlEscape(info.title), " ", HtmlEscape(info.version), "</title>\n<style>", kStyle,
      "</style>\n</head>\n<body>\n<header>\n<h1>", HtmlEscape(info.title), " <span class=\"muted\">",
      HtmlEscape(info.version), "</span></h1>\n", ProseHtml(info.overview),
      "<p>The same API as an OpenAPI 3.0.3 document: <a href=\"", HtmlEscape(info.openapi_url), "\">",
      HtmlEscape(info.openapi_url), "</a>.</p>\n</header>\n");
  absl::StrAppend(&out, ContentsHtml(model), "<main>\n", AuthenticationHtml(info));
  for (const ApiService& service : model.services) {
    absl::StrAppend(&out, "<section class=\"service\" id=\"", HtmlEscape(ServiceAnchor(service)), "\">\n<h2>",
                    HtmlEscape(service.name), "</h2>\n<p class=\"muted\">", HtmlEscape(service.full_name),
                    "</p>\n", ProseHtml(service.description));
    for (const ApiOperation& op : model.operations) {
      if (op.service == service.name) absl::StrAppend(&out, OperationHtml(op, model, info));
    }
    absl::StrAppend(&out, "</section>\n");
  }
  absl::StrAppend(&out, SchemasHtml(model), "</main>\n</body>\n</html>\n");
  return out;
}

absl::StatusOr<std::string> WriteApiHtml(const transcoder::RouteTable& routes, const DocOptions& options) {
  absl::StatusOr<ApiModel> model = BuildApiModel(routes, options.access);
  if (!model.ok()) return model.status();
  return WriteApiHtml(*model, options.info);
}

}  // namespace kinerja::openapi
