#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace cs {

// "HOST:PORT" as given to --metrics: an IPv4 address, a bracketed IPv6 address ("[::1]:9464"), or ":PORT" for
// the loopback address. Port 0 asks the system for a free port. Throws InputError naming the text otherwise.
struct ListenAddress
{
    std::string host = "127.0.0.1";
    int port = 9464;
};
ListenAddress parseListenAddress(const std::string &text);

// A minimal HTTP/1.0 server for Prometheus scrapes: GET /metrics answers `body()` in the text exposition format;
// any other path 404, any other method 405. One small thread serves one connection at a time; a request is read
// up to 8 KiB (431 past it) within 2 s, so a slow or hostile client cannot hold memory or the thread for long.
// The session it reports on never waits for it: body() is the only thing they share.
class MetricsServer
{
public:
    MetricsServer(ListenAddress address, std::function<std::string()> body);
    ~MetricsServer(); // stops the thread
    MetricsServer(const MetricsServer &) = delete;
    MetricsServer &operator=(const MetricsServer &) = delete;

    // Binds and starts serving; throws InputError when the address cannot be bound (in use, not local).
    void start();
    void stop();
    int port() const { return mPort; } // the bound port (the system's choice for port 0)
    std::string url() const;           // http://HOST:PORT/metrics

    static constexpr std::size_t maxRequestBytes = 8192;

private:
    void loop();
    void serve(int client);

    ListenAddress mAddress;
    std::function<std::string()> mBody;
    int mListen = -1;
    int mWakePipe[2] = {-1, -1};
    int mPort = 0;
    std::thread mThread;
};

} // namespace cs
