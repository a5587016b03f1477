#include "metrics_server.h"

#include "parse_error.h"
#include "prometheus_text.h"

#include <arpa/inet.h>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cs {

ListenAddress parseListenAddress(const std::string &text)
{
    const auto bad = [&](const std::string &why) {
        return InputError("--metrics '" + text + "': " + why + " (expected HOST:PORT, e.g. 127.0.0.1:9464)");
    };
    const auto colon = text.rfind(':');
    if (colon == std::string::npos)
        throw bad("no port");
    ListenAddress a;
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (!host.empty())
        a.host = host;
    const std::string port = text.substr(colon + 1);
    const auto r = std::from_chars(port.data(), port.data() + port.size(), a.port);
    if (port.empty() || r.ec != std::errc() || r.ptr != port.data() + port.size() || a.port < 0 || a.port > 65535)
        throw bad("the port is not a number from 0 to 65535");
    in6_addr v6;
    in_addr v4;
    if (inet_pton(AF_INET, a.host.c_str(), &v4) != 1 && inet_pton(AF_INET6, a.host.c_str(), &v6) != 1)
        throw bad("'" + a.host + "' is not an IP address");
    return a;
}

MetricsServer::MetricsServer(ListenAddress address, std::function<std::string()> body)
    : mAddress(std::move(address)), mBody(std::move(body))
{
}

MetricsServer::~MetricsServer()
{
    stop();
}

void MetricsServer::start()
{
    sockaddr_storage addr{};
    socklen_t len = 0;
    int family = AF_INET;
    if (auto *v4 = reinterpret_cast<sockaddr_in *>(&addr); inet_pton(AF_INET, mAddress.host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(static_cast<std::uint16_t>(mAddress.port));
        len = sizeof(sockaddr_in);
    } else {
        auto *v6 = reinterpret_cast<sockaddr_in6 *>(&addr);
        if (inet_pton(AF_INET6, mAddress.host.c_str(), &v6->sin6_addr) != 1)
            throw InputError("metrics: '" + mAddress.host + "' is not an IP address");
        v6->sin6_family = family = AF_INET6;
        v6->sin6_port = htons(static_cast<std::uint16_t>(mAddress.port));
        len = sizeof(sockaddr_in6);
    }
    const std::string where = mAddress.host + ":" + std::to_string(mAddress.port);
    mListen = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (mListen < 0)
        throw InputError("metrics: cannot open a socket: " + std::string(std::strerror(errno)));
    const int one = 1;
    setsockopt(mListen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(mListen, reinterpret_cast<sockaddr *>(&addr), len) != 0 || listen(mListen, 16) != 0) {
        const int e = errno;
        close(mListen);
        mListen = -1;
        throw InputError("metrics: cannot listen on " + where + ": " + std::strerror(e));
    }
    sockaddr_storage bound{};
    socklen_t boundLen = sizeof bound;
    getsockname(mListen, reinterpret_cast<sockaddr *>(&bound), &boundLen);
    mPort = ntohs(family == AF_INET ? reinterpret_cast<sockaddr_in *>(&bound)->sin_port
                                    : reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port);
    if (pipe2(mWakePipe, O_CLOEXEC) != 0) {
        close(mListen);
        mListen = -1;
        throw InputError("metrics: cannot create a pipe: " + std::string(std::strerror(errno)));
    }
    mThread = std::thread([this] { loop(); });
}

void MetricsServer::stop()
{
    if (mThread.joinable()) {
        const char c = 'q';
        [[maybe_unused]] const auto n = write(mWakePipe[1], &c, 1);
        mThread.join();
    }
    for (int *fd : {&mListen, &mWakePipe[0], &mWakePipe[1]})
        if (*fd >= 0) {
            close(*fd);
            *fd = -1;
        }
}

std::string MetricsServer::url() const
{
    const bool v6 = mAddress.host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + mAddress.host + "]" : mAddress.host) + ":" + std::to_string(mPort) + "/metrics";
}

void MetricsServer::loop()
{
    for (;;) {
        pollfd fds[2] = {{mListen, POLLIN, 0}, {mWakePipe[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents)
            return;
        if (fds[0].revents & POLLIN) {
            const int client = accept4(mListen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                serve(client);
                close(client);
            }
        }
    }
}

namespace {

void sendAll(int fd, const std::string &bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the scraper went away: nothing to tell anyone
        sent += static_cast<std::size_t>(n);
    }
}

std::string response(const char *status, std::string_view type, const std::string &body)
{
    return std::string("HTTP/1.0 ") + status + "\r\nContent-Type: " + std::string(type)
           + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

void MetricsServer::serve(int client)
{
    // Read the request head (up to the blank line) within 2 s and 8 KiB; the body of a GET is not read.
    std::string head;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    char buf[1024];
    while (head.find("\r\n\r\n") == std::string::npos && head.find("\n\n") == std::string::npos) {
        if (head.size() > maxRequestBytes) {
            sendAll(client, response("431 Request Header Fields Too Large", "text/plain", "request too large\n"));
            // Read (and drop) a little of the rest first: closing on unread bytes resets the connection, and
            // the client would lose the answer.
            shutdown(client, SHUT_WR);
            pollfd p{client, POLLIN, 0};
            for (int i = 0; i < 64 && poll(&p, 1, 200) > 0 && recv(client, buf, sizeof buf, 0) > 0; ++i) {
            }
            return;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{client, POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0)
            return; // too slow: dropped
        const ssize_t n = recv(client, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        head.append(buf, static_cast<std::size_t>(n));
    }
    const auto lineEnd = head.find_first_of("\r\n");
    const std::string line = head.substr(0, lineEnd);
    const auto sp1 = line.find(' ');
    const auto sp2 = sp1 == std::string::npos ? std::string::npos : line.find(' ', sp1 + 1);
    const std::string method = line.substr(0, sp1);
    std::string target = sp1 == std::string::npos ? "" : line.substr(sp1 + 1, sp2 - sp1 - 1);
    target = target.substr(0, target.find('?'));
    if (method != "GET" && method != "HEAD")
        return sendAll(client, response("405 Method Not Allowed", "text/plain", "only GET\n"));
    if (target != "/metrics")
        return sendAll(client, response("404 Not Found", "text/plain", "metrics are at /metrics\n"));
    std::string r = response("200 OK", prometheusContentType, mBody());
    if (method == "HEAD")
        r.resize(r.find("\r\n\r\n") + 4);
    sendAll(client, r);
}

} // namespace cs
