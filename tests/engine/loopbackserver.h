#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 for tests: each path answers from a queue of canned replies (the last one
// repeats); a reply may hang (never answer) to exercise timeouts. It records each request's path and headers.
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

struct CannedReply
{
    int status = 200;
    QByteArray body;
    bool hang = false;
};

class LoopbackServer : public QTcpServer
{
public:
    LoopbackServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
        });
    }

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    void route(const QByteArray &path, QList<CannedReply> replies) { mRoutes[path] = std::move(replies); }

    QList<QByteArray> paths;
    QList<QByteArray> requests;

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = mBuffers[s];
        buf += s->readAll();
        if (!buf.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> first = buf.left(buf.indexOf("\r\n")).split(' ');
        const QByteArray path = first.value(1);
        paths << path;
        requests << buf;
        mBuffers.remove(s);
        QList<CannedReply> &queue = mRoutes[path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'))];
        const CannedReply r = queue.isEmpty() ? CannedReply{404, "{}", false}
                                              : (queue.size() > 1 ? queue.takeFirst() : queue.first());
        if (r.hang)
            return;
        s->write("HTTP/1.1 " + QByteArray::number(r.status) + (r.status == 200 ? " OK" : " Error") +
                 "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(r.body.size()) +
                 "\r\nConnection: close\r\n\r\n" + r.body);
        s->disconnectFromHost();
    }

    QHash<QByteArray, QList<CannedReply>> mRoutes;
    QHash<QTcpSocket *, QByteArray> mBuffers;
};
