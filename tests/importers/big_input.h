#pragma once

// Big and hostile inputs, made in the test's temporary folder (nothing big is kept in the tree).
#include "fixture_files.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <zlib.h>

#include <functional>

namespace biginput {

// Writes `head`, then `chunk` `repeats` times, then `tail`, gzip-compressed (zlib level 6, gzip header) to `path`;
// returns the compressed size, or -1 on failure.
inline qint64 writeGzip(const QString &path, const QByteArray &head, const QByteArray &chunk, int repeats,
                        const QByteArray &tail = {})
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    QByteArray buffer(1 << 20, '\0');
    auto feed = [&](const QByteArray &in, int flush) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        z.avail_in = static_cast<uInt>(in.size());
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer.data());
            z.avail_out = static_cast<uInt>(buffer.size());
            deflate(&z, flush);
            out.write(buffer.constData(), buffer.size() - z.avail_out);
        } while (z.avail_out == 0);
    };
    feed(head, Z_NO_FLUSH);
    for (int i = 0; i < repeats; ++i)
        feed(chunk, Z_NO_FLUSH);
    feed(tail, Z_FINISH);
    deflateEnd(&z);
    return out.size();
}

using cs::test::writeFile; // a file that cannot be written fails the test

} // namespace biginput
