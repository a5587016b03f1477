#pragma once

// An HTTP/1.1 server on 127.0.0.1 for the fetch tests, on its own threads (plain POSIX sockets), so that it
// answers while the test's thread waits on a child process (carbonscope-cli) or on a blocking libcurl call.
// A handler makes each answer from the request's path (query included) and how often that path was asked;
// an answer may come late, hang until the client gives up, or be cut short of its Content-Length.
// Every request's path and raw head are recorded.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

struct LoopbackReply
{
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    int delayMs = 0;       // wait this long before answering
    bool hang = false;     // never answer (until the client closes or the server stops)
    bool truncate = false; // announce the whole body, send half of it, close
};

class LoopbackHttp
{
public:
    // path (with query), the 1-based count of requests for that path so far, the raw request head
    using Handler = std::function<LoopbackReply(const std::string &path, int count, const std::string &head)>;
    // Called as each request arrives, before it is answered, with the number of requests so far.
    using OnRequest = std::function<void(long long total, const std::string &path)>;

    explicit LoopbackHttp(Handler handler) : mHandler(std::move(handler))
    {
        mListen = ::socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        ::setsockopt(mListen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(mListen, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(mListen, 64);
        socklen_t len = sizeof addr;
        ::getsockname(mListen, reinterpret_cast<sockaddr *>(&addr), &len);
        mPort = ntohs(addr.sin_port);
        mAcceptor = std::thread([this] { acceptLoop(); });
    }

    ~LoopbackHttp()
    {
        mStop = true;
        mAcceptor.join();
        ::close(mListen);
        for (std::thread &t : mWorkers)
            t.join();
    }

    LoopbackHttp(const LoopbackHttp &) = delete;
    LoopbackHttp &operator=(const LoopbackHttp &) = delete;

    std::string base() const { return "http://127.0.0.1:" + std::to_string(mPort); }
    void setOnRequest(OnRequest onRequest)
    {
        std::lock_guard lock(mMutex);
        mOnRequest = std::move(onRequest);
    }

    long long total() const
    {
        std::lock_guard lock(mMutex);
        return static_cast<long long>(mPaths.size());
    }
    std::map<std::string, int> counts() const
    {
        std::lock_guard lock(mMutex);
        return mCounts;
    }
    std::vector<std::string> paths() const
    {
        std::lock_guard lock(mMutex);
        return mPaths;
    }
    std::vector<std::string> heads() const
    {
        std::lock_guard lock(mMutex);
        return mHeads;
    }

private:
    void acceptLoop()
    {
        while (!mStop) {
            pollfd p{mListen, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int fd = ::accept(mListen, nullptr, nullptr);
            if (fd >= 0)
                mWorkers.emplace_back([this, fd] { serve(fd); });
        }
    }

    // Waits up to ms for the client to close (or the server to stop); true where the client closed.
    bool clientClosed(int fd, int ms)
    {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (!mStop && std::chrono::steady_clock::now() < end) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                char c;
                if (::recv(fd, &c, 1, MSG_PEEK) <= 0)
                    return true;
            }
        }
        return mStop;
    }

    void serve(int fd)
    {
        std::string head;
        char buffer[4096];
        while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
            pollfd p{fd, POLLIN, 0};
            if (mStop || ::poll(&p, 1, 50) < 0)
                break;
            if (!(p.revents & POLLIN))
                continue;
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            head.append(buffer, static_cast<std::size_t>(n));
        }
        if (head.find("\r\n\r\n") == std::string::npos) {
            ::close(fd);
            return;
        }
        const std::size_t a = head.find(' ');
        const std::size_t b = head.find(' ', a + 1);
        const std::string path = head.substr(a + 1, b - a - 1);
        int count = 0;
        OnRequest onRequest;
        long long total = 0;
        {
            std::lock_guard lock(mMutex);
            mPaths.push_back(path);
            mHeads.push_back(head.substr(0, head.find("\r\n\r\n")));
            count = ++mCounts[path];
            total = static_cast<long long>(mPaths.size());
            onRequest = mOnRequest;
        }
        if (onRequest)
            onRequest(total, path);
        const LoopbackReply reply = mHandler(path, count, head);
        if (reply.hang || (reply.delayMs > 0 && clientClosed(fd, reply.delayMs))) {
            if (reply.hang)
                clientClosed(fd, 600000);
            ::close(fd);
            return;
        }
        std::string out = "HTTP/1.1 " + std::to_string(reply.status) + (reply.status < 400 ? " OK" : " Error")
            + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(reply.body.size())
            + "\r\nConnection: close\r\n";
        for (const auto &[name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n";
        out += reply.truncate ? reply.body.substr(0, reply.body.size() / 2) : reply.body;
        for (std::size_t sent = 0; sent < out.size();) {
            const ssize_t n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += static_cast<std::size_t>(n);
        }
        ::shutdown(fd, SHUT_WR);
        clientClosed(fd, 1000);
        ::close(fd);
    }

    Handler mHandler;
    OnRequest mOnRequest;
    int mListen = -1;
    int mPort = 0;
    std::atomic<bool> mStop{false};
    std::thread mAcceptor;
    std::vector<std::thread> mWorkers; // touched by the acceptor thread only, joined after it
    mutable std::mutex mMutex;
    std::vector<std::string> mPaths;
    std::vector<std::string> mHeads;
    std::map<std::string, int> mCounts;
};
