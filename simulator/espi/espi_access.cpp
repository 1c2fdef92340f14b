// Token-class checks; every denial says why without revealing other customers' data.
#include "espi_access.h"

namespace gbc {

namespace {

const char* className(TokenClass c)
{
    switch (c) {
    case TokenClass::CustomerAccess: return "customer access token";
    case TokenClass::ClientAccess: return "client access token";
    case TokenClass::Registration: return "registration access token";
    case TokenClass::ApiToken: return "API token";
    }
    return "token";
}

} // namespace

Result<TokenInfo> authenticateEspi(const SimContext& ctx, const HttpRequest& req)
{
    const std::string bearer = req.bearerToken();
    if (bearer.empty())
        return Error{kUnauthorized, req.path, "no bearer token: send Authorization: Bearer <token>"};
    const auto token = ctx.directory.resolveToken(bearer);
    if (!token)
        return Error{kUnauthorized, req.path, "the bearer token is not valid"};
    if (!token->usable(ctx.clock.now()))
        return Error{kUnauthorized, req.path, "the bearer token has expired or was revoked"};
    return *token;
}

bool actsAsClient(const TokenInfo& t)
{
    return t.tokenClass == TokenClass::ClientAccess || t.tokenClass == TokenClass::ApiToken;
}

Result<AuthorizationRecord> subscriptionAccess(const SimContext& ctx, const TokenInfo& token, const std::string& sub,
                                               bool acceptClientToken)
{
    const std::string where = "Subscription/" + sub;
    const bool customer = token.tokenClass == TokenClass::CustomerAccess;
    if (customer && token.authorizationUid != sub)
        return Error{kForbidden, where, "this access token is for another subscription"};
    const bool clientAllowed = token.tokenClass == TokenClass::ApiToken ||
                               (token.tokenClass == TokenClass::ClientAccess && acceptClientToken);
    if (!customer && !clientAllowed)
        return Error{kForbidden, where, std::string("a ") + className(token.tokenClass) +
                                            " cannot read subscription data; use the customer access token"};
    const auto record = ctx.directory.findAuthorization(sub);
    if (!record || (!customer && (record->clientId != token.clientId || record->utilityId != token.utilityId)))
        return Error{kForbidden, where, "this token has no access to subscription " + sub};
    if (!record->active(ctx.clock.now())) {
        const char* why = record->declinedAt ? "declined" : record->revokedAt ? "revoked" : "expired";
        return Error{customer ? kUnauthorized : kForbidden, where,
                     std::string("the authorization of this subscription was ") + why};
    }
    return *record;
}

HttpAnswer espiErrorAnswer(const Error& e)
{
    struct Row {
        const char* code;
        int status;
        const char* reason;
    };
    static const Row rows[] = {{kUnauthorized, 401, "Unauthorized"}, {kForbidden, 403, "Forbidden"},
                               {kNotFound, 404, "Not Found"},        {kBadRequest, 400, "Bad Request"},
                               {kNotAllowed, 405, "Method Not Allowed"}};
    int status = 500;
    const char* reason = "Internal Server Error";
    for (const Row& r : rows)
        if (e.code == r.code)
            status = r.status, reason = r.reason;
    std::string body = std::to_string(status) + " " + reason + ": ";
    if (!e.where.empty())
        body += e.where + ": ";
    body += e.message + "\n";
    HttpAnswer a = HttpAnswer::make(status, "text/plain; charset=utf-8", std::move(body));
    if (status == 401)
        a.withHeader("WWW-Authenticate", "Bearer realm=\"DataCustodian\", error=\"invalid_token\"");
    if (status == 405)
        a.withHeader("Allow", "GET");
    return a;
}

} // namespace gbc
