// Redirects back to the client, and the receipt page used when no redirect_uri was given.
#include "oauth_outcome.h"

#include "html.h"
#include "url_codec.h"

namespace gbc {

namespace {

HttpAnswer receiptPage(const QueryParams& params)
{
    std::string rows;
    std::string error;
    for (const auto& [k, v] : params) {
        rows += "<tr><th>" + escapeHtml(k) + "</th><td id=\"" + escapeHtml(k) + "\">" + escapeHtml(v) + "</td></tr>";
        if (k == "error")
            error = v;
    }
    const std::string body =
        (error.empty() ? "<p>The authorization is complete. No redirect_uri was given, so the result is shown here.</p>"
                       : errorElement(error, "The authorization did not complete."))
        + "<table>" + rows + "</table>";
    return htmlAnswer(error.empty() ? 200 : 400, renderPage("Authorization result", body));
}

} // namespace

HttpAnswer redirectToClient(const SimContext& ctx, const FlowState& flow, QueryParams params)
{
    if (flow.stateSent && !ctx.defect("state_not_echoed"))
        params.emplace_back("state", flow.state);
    if (!flow.redirectUriSent)
        return receiptPage(params);
    const std::string location = appendQuery(flow.redirectUri, params);
    HttpAnswer a = htmlAnswer(302, renderPage("Redirecting", "<p><a href=\"" + escapeHtml(location) +
                                                                 "\">Continue to the application</a></p>"));
    a.withHeader("Location", location);
    return a;
}

HttpAnswer redirectError(const SimContext& ctx, const FlowState& flow, const std::string& error,
                         const std::string& description)
{
    return redirectToClient(ctx, flow, {{"error", error}, {"error_description", description}});
}

} // namespace gbc
