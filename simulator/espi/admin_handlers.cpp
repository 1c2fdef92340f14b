// Admin handlers: ReadServiceStatus, ApplicationInformation (registration token), Authorization (client token;
// a customer token may read its own), Bulk (client token).
#include <algorithm>

#include "espi_access.h"
#include "espi_call.h"
#include "espi_content.h"
#include "espi_ids.h"

namespace gbc {

namespace {

using R = EspiResource;

const Client* callerClient(const EspiCall& c, const Utility** utility)
{
    const Utility* u = c.ctx.catalogue.findUtility(c.token.utilityId);
    if (utility)
        *utility = u;
    return u ? u->findClient(c.token.clientId) : nullptr;
}

Error forbidden(const EspiCall& c, const std::string& why)
{
    return Error{kForbidden, c.relativePath, why};
}

HttpAnswer serviceStatus(const EspiCall& c)
{
    if (!actsAsClient(c.token))
        return espiErrorAnswer(forbidden(c, "ReadServiceStatus needs the client access token"));
    return atomAnswer(serviceStatusDocument());
}

HttpAnswer applicationInformation(const EspiCall& c)
{
    if (c.token.tokenClass != TokenClass::Registration && !c.ctx.defect("application_information_open"))
        return espiErrorAnswer(forbidden(c, "ApplicationInformation needs the registration access token"));
    const Utility* u = nullptr;
    const Client* client = callerClient(c, &u);
    const std::string& id = c.target.id("id");
    if (!client || applicationInformationId(*client) != id) {
        for (const Utility& each : c.ctx.catalogue.utilities)
            for (const Client* other : each.allClients())
                if (applicationInformationId(*other) == id)
                    return espiErrorAnswer(forbidden(c, "a registration token reads only its own ApplicationInformation"));
        return espiErrorAnswer(Error{kNotFound, c.relativePath, "no ApplicationInformation '" + id + "'"});
    }
    std::string out;
    AtomDocument doc(out, c.atomOptions({}));
    writeApplicationInformationEntry(doc, c.urls, *u, *client, c.ctx.modes->modeOf(*client));
    const std::string status = "dataCustodianApplicationStatus>";
    if (const std::size_t at = out.find(status); at != std::string::npos && c.ctx.defect("application_information_missing_status")) {
        const std::size_t from = out.rfind('<', at), close = out.find(status, at + status.size()); // drop the element
        if (from != std::string::npos && close != std::string::npos)
            out.erase(from, close + status.size() - from);
    }
    return atomAnswer(std::move(out));
}

HttpAnswer authorizationFeed(const EspiCall& c, const FeedQuery& q)
{
    if (!actsAsClient(c.token) || c.ctx.defect("authorization_list_refuses_client_token"))
        return espiErrorAnswer(forbidden(c, "the Authorization feed needs the client access token"));
    const Utility* u = nullptr;
    callerClient(c, &u);
    std::string out;
    AtomDocument doc(out, c.atomOptions(q));
    std::vector<WrittenLink> extra;
    if (u)
        extra.push_back({"related", certificationLink(*u), "text/html"});
    doc.beginFeed(c.relativePath, "Authorization feed", c.now, extra);
    for (const AuthorizationRecord& r : c.ctx.directory.authorizationsOf(c.token.clientId))
        if (r.utilityId == c.token.utilityId)
            writeAuthorizationEntry(doc, EntryMode::InFeed, c.urls, u, r, c.now, c.ctx.defect("bearer_lowercase"));
    doc.endFeed();
    return atomAnswer(std::move(out));
}

HttpAnswer authorizationEntry(const EspiCall& c)
{
    const std::string& id = c.target.id("id");
    const bool lower = c.ctx.defect("bearer_lowercase");
    const Utility* u = nullptr;
    const Client* client = callerClient(c, &u);
    std::string out;
    AtomDocument doc(out, c.atomOptions({}));
    if (c.token.tokenClass == TokenClass::Registration)
        return espiErrorAnswer(forbidden(c, "Authorization needs the client access token or the customer's own token"));
    if (c.token.tokenClass == TokenClass::CustomerAccess && id != c.token.authorizationUid)
        return espiErrorAnswer(forbidden(c, "a customer access token reads only its own Authorization"));
    if (actsAsClient(c.token) && client && u && id == bulkId(*client)) {
        writeClientAuthorizationEntry(doc, EntryMode::Root, c.urls, *u, *client, id, c.token.scope, lower);
        return atomAnswer(std::move(out));
    }
    const auto record = c.ctx.directory.findAuthorization(id);
    if (!record || record->clientId != c.token.clientId || record->utilityId != c.token.utilityId)
        return espiErrorAnswer(Error{kNotFound, c.relativePath, "no Authorization '" + id + "' for this client"});
    writeAuthorizationEntry(doc, EntryMode::Root, c.urls, u, *record, c.now, lower);
    return atomAnswer(std::move(out));
}

HttpAnswer bulk(const EspiCall& c, const FeedQuery& q)
{
    if (!actsAsClient(c.token) || c.ctx.defect("bulk_refuses_client_token"))
        return espiErrorAnswer(forbidden(c, "Bulk needs the client access token"));
    const Utility* u = nullptr;
    const Client* client = callerClient(c, &u);
    if (!client || bulkId(*client) != c.target.id("id"))
        return espiErrorAnswer(Error{kNotFound, c.relativePath, "no Bulk '" + c.target.id("id") + "' for this client"});
    std::string out;
    AtomDocument doc(out, c.atomOptions(q));
    std::vector<WrittenLink> extra; // the certification link, as on the other feeds
    if (u)
        extra.push_back({"related", certificationLink(*u), "text/html"});
    doc.beginFeed(c.relativePath, "Bulk feed", c.now, extra);
    for (const AuthorizationRecord& r : c.ctx.directory.authorizationsOf(c.token.clientId)) {
        if (r.utilityId != c.token.utilityId || !r.active(c.now) || c.now < r.dataReadyAt)
            continue;
        const auto plan = planSubscription(c.ctx, r);
        if (!plan)
            continue;
        UsageWriter w{doc, *plan, c.dataDefects(), EntryMode::InFeed};
        for (const ServicePlan& s : plan->services)
            w.wholeService(s);
    }
    doc.endFeed();
    return atomAnswer(std::move(out));
}

} // namespace

HttpAnswer handleAdmin(const EspiCall& c)
{
    const auto query = parseFeedQuery(c.req, c.ctx.defect("bad_query_accepted"));
    if (!query)
        return espiErrorAnswer(query.error());
    switch (c.target.resource) {
    case R::ServiceStatus: return serviceStatus(c);
    case R::ApplicationInformation: return applicationInformation(c);
    case R::AuthorizationFeed: return authorizationFeed(c, *query);
    case R::Authorization: return authorizationEntry(c);
    case R::Bulk: return bulk(c, *query);
    default: return espiErrorAnswer(Error{kBadRequest, c.relativePath, "not an admin resource"});
    }
}

} // namespace gbc
