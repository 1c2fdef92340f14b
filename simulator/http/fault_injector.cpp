// Fault application: sleeps, scripted answers, and content providers that stop early to cut or stall a response.
#include "fault_injector.h"

#include <chrono>
#include <thread>

#include "client_auth.h"
#include "json_reader.h"
#include "located_error.h"
#include "request_adapter.h"

namespace gbc {

namespace {

void sleepMs(int ms)
{
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

std::string guessType(const std::string& body)
{
    if (body.empty() || body[0] == '{' || body[0] == '[')
        return "application/json";
    return body[0] == '<' ? "application/xml" : "text/plain; charset=utf-8";
}

HttpAnswer statusAnswer(const FaultRule& f)
{
    const std::string body = !f.body.empty() ? f.body
        : nlohmann::json{{"error", "scripted_fault"},
                         {"error_description", "answer " + std::to_string(f.status) + " scripted by /__sim/faults"}}.dump();
    HttpAnswer a = HttpAnswer::make(f.status, guessType(body), body);
    if (f.retryAfterSeconds >= 0)
        a.withHeader("Retry-After", std::to_string(f.retryAfterSeconds));
    return a;
}

// Replaces the body with a provider that declares the full length but sends only `cut` bytes (after `stallMs`
// of silence), then fails: httplib closes the connection.
void cutResponse(httplib::Response& res, std::size_t cut, int stallMs)
{
    auto body = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    const std::string type = res.get_header_value("Content-Type");
    res.headers.erase("Content-Type");
    const std::size_t length = std::max<std::size_t>(body->size(), 1); // an empty body still gets cut
    res.set_content_provider(length, type, [body, cut, stallMs](std::size_t offset, std::size_t, httplib::DataSink& sink) {
        sleepMs(stallMs);
        if (offset < cut && offset < body->size())
            sink.write(body->data() + offset, std::min(cut, body->size()) - offset);
        return false;
    });
}

HttpAnswer adminJson(int status, const nlohmann::json& body)
{
    return HttpAnswer::make(status, "application/json", body.dump(2));
}

HttpAnswer postFaults(FaultBook& book, const HttpRequest& req)
{
    auto doc = parseJsonText(req.body, "body");
    auto script = doc ? readFaultScript(*doc, "body") : Result<FaultScript>(doc.error());
    if (!script)
        return locatedErrorAnswer(400, script.error(), "body");
    book.set(std::move(script.value()));
    return adminJson(200, faultScriptToJson(book.script()));
}

class FaultingOutbound : public OutboundHttp {
public:
    FaultingOutbound(std::shared_ptr<FaultBook> book, std::shared_ptr<OutboundHttp> inner)
        : book_(std::move(book)), inner_(std::move(inner)) {}

    OutboundResponse send(const OutboundRequest& request) override
    {
        const std::string path = splitUrl(request.url).second;
        const FaultPlan plan = book_->plan(request.method, path.substr(0, path.find('?')), "", true);
        sleepMs(plan.delayMs);
        if (!plan.terminal)
            return inner_->send(request);
        const FaultRule& f = *plan.terminal;
        switch (f.kind) {
        case FaultKind::Status: {
            const HttpAnswer a = statusAnswer(f);
            return OutboundResponse{f.status, "", a.contentType, a.body};
        }
        case FaultKind::Truncate: {
            OutboundRequest cut = request;
            cut.body.resize(std::min(f.bytes, cut.body.size()));
            return inner_->send(cut);
        }
        case FaultKind::Stall:
            sleepMs(f.stallMs);
            return OutboundResponse{0, "timed out (stall scripted by /__sim/faults)", "", ""};
        default:
            return OutboundResponse{0, "connection reset (scripted by /__sim/faults)", "", ""};
        }
    }

private:
    std::shared_ptr<FaultBook> book_;
    std::shared_ptr<OutboundHttp> inner_;
};

} // namespace

std::string requestClient(const HttpRequest& request, const AuthorizationDirectory& directory)
{
    if (const std::string bearer = request.bearerToken(); !bearer.empty()) {
        const auto info = directory.resolveToken(bearer);
        return info ? info->clientId : "";
    }
    const std::string auth = request.header("authorization");
    if (auth.size() > 6 && (auth.compare(0, 6, "Basic ") == 0 || auth.compare(0, 6, "basic ") == 0))
        if (const auto decoded = decodeBase64(auth.substr(6)))
            return decoded->substr(0, decoded->find(':'));
    if (const auto id = request.field("client_id"))
        return *id;
    return request.param("client_id").value_or("");
}

void serveWithFaults(FaultBook& book, const AuthorizationDirectory& directory, const HttpRequest& request,
                     const std::function<HttpAnswer()>& run, httplib::Response& res)
{
    const bool admin = request.path == "/__sim" || request.path.rfind("/__sim/", 0) == 0;
    const FaultPlan plan = admin ? FaultPlan{} : book.plan(request.method, request.path, requestClient(request, directory), false);
    sleepMs(plan.delayMs);
    if (!plan.terminal)
        return applyAnswer(run(), res);
    const FaultRule& f = *plan.terminal;
    if (f.kind == FaultKind::Status)
        return applyAnswer(statusAnswer(f), res);
    applyAnswer(run(), res);
    const std::size_t size = res.body.size();
    if (f.kind == FaultKind::Truncate)
        cutResponse(res, f.bytes, 0);
    else if (f.kind == FaultKind::Reset)
        cutResponse(res, size / 2, 0);
    else
        cutResponse(res, 0, f.stallMs);
}

std::shared_ptr<OutboundHttp> faultingOutbound(std::shared_ptr<FaultBook> book, std::shared_ptr<OutboundHttp> inner)
{
    return std::make_shared<FaultingOutbound>(std::move(book), std::move(inner));
}

std::vector<Route> faultRoutes(std::shared_ptr<FaultBook> book)
{
    return {Route{"GET", "/__sim/faults", [book](const HttpRequest&) { return adminJson(200, faultScriptToJson(book->script())); }},
            Route{"POST", "/__sim/faults", [book](const HttpRequest& req) { return postFaults(*book, req); }},
            Route{"DELETE", "/__sim/faults", [book](const HttpRequest&) {
                      book->clear();
                      return adminJson(200, faultScriptToJson(book->script()));
                  }}};
}

} // namespace gbc
