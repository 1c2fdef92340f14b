// cpp-httplib implementation of HttpTransport: one client per origin, never follows redirects.
#include "transport.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "url.h"

namespace gbc {

namespace {

bool iequals(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// Stops the armed client (closing its socket) if its request is still running at the deadline: httplib's timeouts
// are per read, so a server dripping one byte a second would otherwise hold the runner indefinitely. One thread
// per transport, armed around each request.
class Watchdog {
public:
    Watchdog()
        : thread_([this] {
              std::unique_lock lock(mutex_);
              while (!quit_) {
                  if (!client_) {
                      cv_.wait(lock);
                      continue;
                  }
                  if (cv_.wait_until(lock, deadline_) == std::cv_status::timeout && client_ &&
                      std::chrono::steady_clock::now() >= deadline_) {
                      client_->stop();
                      client_ = nullptr;
                      fired_ = true;
                  }
              }
          })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(mutex_);
            quit_ = true;
        }
        cv_.notify_one();
        thread_.join();
    }
    void arm(httplib::Client& client, std::chrono::steady_clock::time_point deadline)
    {
        {
            std::lock_guard lock(mutex_);
            client_ = &client;
            deadline_ = deadline;
            fired_ = false;
        }
        cv_.notify_one();
    }
    // Ends the watch; true when the deadline passed and the request was stopped.
    bool disarm()
    {
        std::lock_guard lock(mutex_);
        client_ = nullptr;
        return fired_;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    httplib::Client* client_ = nullptr;
    std::chrono::steady_clock::time_point deadline_;
    bool fired_ = false, quit_ = false;
    std::thread thread_; // last: starts once the members above exist
};

class HttplibTransport : public HttpTransport {
public:
    explicit HttplibTransport(TransportOptions options) : options_(std::move(options)) {}

    HttpExchange send(const OutgoingRequest& request) override
    {
        HttpExchange e;
        e.method = request.method;
        e.url = request.url;
        e.requestHeaders = request.headers;
        if (!request.body.empty() || !request.contentType.empty())
            e.requestHeaders.emplace_back("Content-Type", request.contentType);
        e.requestBody = request.body;
        Result<Url> url = parseUrl(request.url);
        if (!url) {
            e.error = url.error().describe();
            return e;
        }
        const std::string origin = url->origin();
        if (failures_[origin] >= kMaxConsecutiveFaults) { // a dead or black-holed target: fail fast, never hang
            e.error = "transport: not sent, " + origin + " did not answer the last " +
                std::to_string(kMaxConsecutiveFaults) + " requests";
            return e;
        }
        httplib::Client& client = clientFor(url.value());
        httplib::Request req;
        req.method = request.method;
        req.path = url->pathAndQuery();
        for (const auto& [k, v] : e.requestHeaders)
            req.headers.emplace(k, v);
        req.body = request.body;
        std::string body;
        bool tooLarge = false;
        req.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
            tooLarge = body.size() + n > options_.maxResponseBytes;
            if (!tooLarge)
                body.append(data, n);
            return !tooLarge;
        };
        watchdog_.arm(client, std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.timeoutMs));
        httplib::Result res = client.send(req);
        const bool late = watchdog_.disarm();
        if (!res || late || tooLarge) {
            e.error = late ? "transport: no complete answer within the whole-request deadline of " +
                                 std::to_string(options_.timeoutMs) + " ms"
                : tooLarge ? "transport: the answer is larger than the runner's limit of " +
                                 std::to_string(options_.maxResponseBytes) + " bytes; not read further"
                           : "transport: " + httplib::to_string(res.error());
            clients_.erase(origin); // drop a possibly broken connection
            failures_[origin] += tooLarge ? 0 : 1; // an oversized answer is an answer: the origin is alive
            return e;
        }
        failures_[origin] = 0;
        e.status = res->status;
        for (const auto& [k, v] : res->headers)
            e.responseHeaders.emplace_back(k, v);
        e.responseBody = std::move(body);
        e.responseBytes = e.responseBody.size();
        return e;
    }

private:
    httplib::Client& clientFor(const Url& url)
    {
        const std::string origin = url.origin();
        auto it = clients_.find(origin);
        if (it != clients_.end())
            return *it->second;
        auto client = std::make_unique<httplib::Client>(url.scheme + "://" + url.host + ":" + std::to_string(url.port));
        const time_t sec = options_.timeoutMs / 1000;
        const time_t usec = (options_.timeoutMs % 1000) * 1000;
        client->set_connection_timeout(sec, usec);
        client->set_read_timeout(sec, usec);
        client->set_write_timeout(sec, usec);
        // A fresh connection per request: with keep-alive, a server that writes headers and body separately (Nagle)
        // meets our delayed ACK and every answer stalls 40 ms. Loopback connects cost far less.
        client->set_keep_alive(false);
        client->set_follow_location(false);
        client->set_tcp_nodelay(true); // headers and body go out in separate writes: avoid Nagle + delayed-ACK stalls
        if (url.scheme == "https") {
            if (!options_.caFile.empty())
                client->set_ca_cert_path(options_.caFile);
            client->enable_server_certificate_verification(!options_.insecure);
        }
        return *clients_.emplace(origin, std::move(client)).first->second;
    }

    static constexpr int kMaxConsecutiveFaults = 3;
    TransportOptions options_;
    std::map<std::string, std::unique_ptr<httplib::Client>> clients_;
    std::map<std::string, int> failures_; // consecutive transport faults per origin
    Watchdog watchdog_;                   // whole-request deadline
};

} // namespace

std::unique_ptr<HttpTransport> makeHttpTransport(const TransportOptions& options)
{
    return std::make_unique<HttplibTransport>(options);
}

std::string responseHeader(const HttpExchange& e, const std::string& name)
{
    for (const auto& [k, v] : e.responseHeaders)
        if (iequals(k, name))
            return v;
    return {};
}

} // namespace gbc
