// SimServer: httplib wiring only. Each route: httplib request → HttpRequest → module handler → HttpAnswer → response.
#include "sim_server.h"

#include <httplib.h>
#include <openssl/pem.h>

#include <algorithm>
#include <chrono>

#include "answer_variations.h"
#include "api_routes.h"
#include "client_registration.h"
#include "clock_control.h"
#include "connection_server.h"
#include "espi_routes.h"
#include "fault_injector.h"
#include "grading_routes.h"
#include "home_page.h"
#include "html.h"
#include "oauth_metadata.h"
#include "oauth_routes.h"
#include "request_adapter.h"
#include "request_guard.h"
#include "request_log.h"
#include "secure_random.h"
#include "tls_cert.h"

namespace gbc {

namespace {

std::unique_ptr<httplib::Server> makeTlsServer(const std::string& certPem, const std::string& keyPem)
{
    BIO* certBio = BIO_new_mem_buf(certPem.data(), static_cast<int>(certPem.size()));
    BIO* keyBio = BIO_new_mem_buf(keyPem.data(), static_cast<int>(keyPem.size()));
    X509* cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    std::unique_ptr<httplib::Server> server;
    if (cert && key)
        server = std::make_unique<TlsServer>(cert, key); // the SSL_CTX takes its own references
    X509_free(cert);
    EVP_PKEY_free(key);
    BIO_free(certBio);
    BIO_free(keyBio);
    return server;
}

// Fills bodies of errors httplib answers by itself (404 no route, 413, 400) with an HTML page.
httplib::Server::HandlerResponse errorBody(const httplib::Request& req, httplib::Response& res)
{
    ignoreRanges(req); // a Range httplib could only half parse (416) must not multiply this page either
    if (!res.body.empty() || res.content_provider_) // a faulted (cut) answer keeps its own body
        return httplib::Server::HandlerResponse::Unhandled;
    std::string code = "http_" + std::to_string(res.status), title = "Error", message = "The request failed.";
    if (res.status == 404)
        code = "not_found", title = "Not found", message = "Nothing is served at this path.";
    else if (res.status == 413)
        code = "payload_too_large", title = "Request too large", message = "The request body exceeds the simulator's limit.";
    else if (res.status == 400)
        code = "bad_request", title = "Bad request", message = "The request could not be read.";
    applyAnswer(errorAnswerFor(req.path, res.status, code, title, message), res);
    return httplib::Server::HandlerResponse::Handled;
}

} // namespace

SimServer::SimServer(SimServerOptions options) : options_(std::move(options))
{
    if (!options_.clock)
        options_.clock = makeClock(kDefaultClockSpec).value();
    auto own = std::make_shared<Catalogue>(*options_.catalogue); // registries of its own (POST /__sim/clients)
    attachRegistries(*own);
    options_.catalogue = std::move(own);
    if (!options_.faults)
        options_.faults = std::make_shared<FaultBook>();
    store_ = std::make_unique<SimStore>(*options_.catalogue, options_.seed);
    context_ = std::unique_ptr<SimContext>(
        new SimContext{*options_.catalogue, *options_.clock, *store_, options_.seed, options_.defects, {}});
    context_->publicBaseUrl = options_.publicBaseUrl;
    context_->variations = options_.variations;
    if (auto switches = resolveProfiles(options_.profiles)) { // names were checked by the caller
        context_->variations.insert(switches->variations.begin(), switches->variations.end());
        context_->defects.insert(switches->defects.begin(), switches->defects.end());
        context_->behaviours = switches->behaviours;
    }
    if (options_.journal)
        journals_ = std::make_unique<ClientJournals>(*context_, JournalCap{options_.journalEntries, options_.journalBytes},
                                                     catalogueLookup(*options_.catalogue));
}

SimServer::~SimServer()
{
    stop();
}

std::string SimServer::baseUrl() const
{
    return std::string(options_.tls ? "https" : "http") + "://" + host_ + ":" + std::to_string(port_);
}

Status SimServer::buildServer()
{
    options_.limits.maxBodyBytes = options_.maxBodyBytes; // a larger body is refused (413) without being buffered
    if (!options_.tls) {
        auto plain = std::make_unique<ReactorServer>(options_.limits);
        reactor_ = plain.get();
        server_ = std::move(plain);
        return okStatus();
    }
    if (options_.certPem.empty() || options_.keyPem.empty()) {
        auto identity = generateSelfSigned();
        if (!identity)
            return identity.error();
        options_.certPem = identity->certPem;
        options_.keyPem = identity->keyPem;
    }
    server_ = makeTlsServer(options_.certPem, options_.keyPem);
    if (!server_ || !server_->is_valid())
        return Error{"tls", "--cert/--key", "the certificate or key could not be used by the TLS server"};
    // httplib's TLS loop holds a worker per connection: a pool sized like the reactor's, httplib's timeouts.
    const ConnectionLimits limits = options_.limits.resolved();
    server_->new_task_queue = [n = limits.workers] { return new httplib::ThreadPool(n); };
    server_->set_keep_alive_timeout(std::max<time_t>(1, static_cast<time_t>(limits.idleTimeout.count() / 1000)));
    return okStatus();
}

void SimServer::mountRoutes()
{
    std::vector<Route> routes = oauthRoutes(*context_, *store_);
    for (auto* more : {&clockRoutes, &registrationRoutes, &metadataRoutes, &espiRoutes})
        for (Route& r : (*more)(*context_))
            routes.push_back(std::move(r));
    // webhooks and notifications out pass the faults, then the journal (deliveries are graded too)
    std::shared_ptr<OutboundHttp> outbound = faultingOutbound(options_.faults, makeHttplibOutbound());
    if (journals_)
        outbound = journalingOutbound(std::move(outbound), *journals_);
    const ApiOptions api{std::move(outbound)};
    for (std::vector<Route> more : {apiRoutesWith(*context_, api), faultRoutes(options_.faults)})
        for (Route& r : more)
            routes.push_back(std::move(r));
    if (journals_)
        for (Route& r : gradingRoutes(*journals_))
            routes.push_back(std::move(r));
    routes.insert(routes.end(), options_.extraRoutes.begin(), options_.extraRoutes.end());
    routes.push_back(Route{"GET", "/", [this](const HttpRequest& req) {
                               return htmlAnswer(200, homePage(context_->catalogue, req.origin()));
                           }});
    const bool tls = options_.tls;
    const SimContext* ctx = context_.get();
    FaultBook* faults = options_.faults.get();
    ClientJournals* journals = journals_.get();
    for (const Route& route : routes) {
        auto handler = [route, tls, ctx, faults, journals](const httplib::Request& req, httplib::Response& res) {
            auto request = toHttpRequest(req, tls);
            if (!request)
                return applyAnswer(errorAnswerFor(req.path, 400, "bad_encoding", "Bad request", request.error().describe()), res);
            serveWithFaults(*faults, ctx->directory, *request, [&] {
                HttpAnswer answer = applyAnswerVariations(*ctx, route.handler(*request));
                if (journals) // client grading: journal what can be attributed to a client
                    journals->observe(*request, answer);
                return answer;
            }, res);
        };
        if (route.method == "GET")
            server_->Get(route.pattern, handler);
        else if (route.method == "POST")
            server_->Post(route.pattern, handler);
        else if (route.method == "PUT")
            server_->Put(route.pattern, handler);
        else if (route.method == "DELETE")
            server_->Delete(route.pattern, handler);
    }
}

Status SimServer::start(const std::string& host, int port)
{
    if (Status st = buildServer(); !st)
        return st;
    mountRoutes();
    server_->set_payload_max_length(options_.maxBodyBytes);
    // httplib's default adds SO_REUSEPORT, which would let a second simulator share (and steal from) a busy port.
    // TCP_NODELAY on the listening socket is inherited by every accepted one (Linux): httplib writes headers and body
    // in separate send() calls, and Nagle + the client's delayed ACK would stall each keep-alive response ~40 ms.
    server_->set_tcp_nodelay(true);
    server_->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    });
    admin_ = AdminPolicy{options_.admin, options_.adminToken};
    if (admin_.enabled && admin_.token.empty() && !isLoopbackHost(host))
        admin_.token = randomHex(16);
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        return guardRequest(admin_, req, res) ? httplib::Server::HandlerResponse::Handled
                                              : httplib::Server::HandlerResponse::Unhandled;
    });
    server_->set_error_handler(httplib::Server::HandlerWithResponse(errorBody));
    server_->set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        applyAnswer(errorAnswerFor(req.path, 500, "server_error", "Internal error",
                              "The simulator hit an internal error; the request was not completed."), res);
    });
    if (options_.log) {
        auto log = options_.log;
        server_->set_logger([log](const httplib::Request& req, const httplib::Response& res) {
            log(logLine(req.remote_addr, req.method, req.target, res.status));
        });
    }
    port_ = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
    if (port_ <= 0)
        return Error{"listen", host + ":" + std::to_string(port), "cannot bind (address in use or not local?)"};
    if (reactor_)
        reactor_->raiseBacklog();
    else
        static_cast<TlsServer*>(server_.get())->raiseBacklog();
    host_ = host;
    if (context_->publicBaseUrl.empty())
        context_->publicBaseUrl = baseUrl();
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return okStatus();
}

ConnectionStats SimServer::connectionStats() const
{
    return reactor_ ? reactor_->stats() : ConnectionStats{};
}

void SimServer::stop()
{
    if (server_)
        server_->stop();
    if (thread_.joinable())
        thread_.join();
}

} // namespace gbc
