/* A fault-injection shim in the manner of SQLite's I/O error tests, loaded with LD_PRELOAD.
 *
 * It watches files under one folder and fails the Nth call of one kind on them, so a test can prove that every
 * writer leaves its target untouched and reports the error whichever step fails. Environment:
 *   CS_FAULT_DIR     absolute folder whose files are watched (required; nothing is watched without it)
 *   CS_FAULT_OP      open | write | fsync | close | rename: the kind of call to fail (none: count only)
 *   CS_FAULT_NTH     which watched call of that kind fails, from 1 (default 1)
 *   CS_FAULT_ERRNO   the error it fails with (default ENOSPC, 28)
 *   CS_FAULT_COUNTS  a file to which "open=A write=B fsync=C close=D rename=E" is appended at exit, so a test
 *                    learns how many calls of each kind a clean run makes and can fail each in turn.
 * Only calls made through the dynamic linker are seen (the program's own open/write/fsync/close/rename, Qt's,
 * SQLite's); stdio's internal writes are not, which is why CarbonScope's writer uses the POSIX calls. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

enum { OP_OPEN, OP_WRITE, OP_FSYNC, OP_CLOSE, OP_RENAME, OP_COUNT };
static const char *const op_names[OP_COUNT] = {"open", "write", "fsync", "close", "rename"};

#define MAX_FD 65536
static unsigned char watched[MAX_FD];
static long counts[OP_COUNT];
static int configured;
static char dir[PATH_MAX];
static size_t dir_len;
static int fail_op = -1;
static long fail_nth = 1;
static int fail_errno = ENOSPC;

static void configure(void)
{
    if (configured)
        return;
    configured = 1;
    const char *d = getenv("CS_FAULT_DIR");
    if (d && *d && strlen(d) < sizeof dir) {
        strcpy(dir, d);
        dir_len = strlen(dir);
        while (dir_len > 1 && dir[dir_len - 1] == '/')
            dir[--dir_len] = '\0';
    }
    const char *op = getenv("CS_FAULT_OP");
    for (int i = 0; op && i < OP_COUNT; ++i)
        if (strcmp(op, op_names[i]) == 0)
            fail_op = i;
    const char *nth = getenv("CS_FAULT_NTH");
    if (nth && *nth)
        fail_nth = atol(nth);
    const char *err = getenv("CS_FAULT_ERRNO");
    if (err && *err)
        fail_errno = atoi(err);
}

/* True when the path (made absolute against the working folder) lies under CS_FAULT_DIR. */
static int under_dir(int dirfd, const char *path)
{
    configure();
    if (!dir_len || !path)
        return 0;
    char full[PATH_MAX * 2];
    if (path[0] == '/') {
        snprintf(full, sizeof full, "%s", path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base))
                return 0;
        } else {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            const ssize_t n = readlink(link, base, sizeof base - 1);
            if (n < 0)
                return 0;
            base[n] = '\0';
        }
        snprintf(full, sizeof full, "%s/%s", base, path);
    }
    return strncmp(full, dir, dir_len) == 0 && (full[dir_len] == '/' || full[dir_len] == '\0');
}

/* Counts a watched call; true when this one is to fail. */
static int should_fail(int op)
{
    configure();
    ++counts[op];
    return op == fail_op && counts[op] == fail_nth;
}

/* For a call on a watched file (`watched`): counts it and, when it is the one to fail, sets errno and says so. */
static int injected(int watched_call, int op)
{
    if (!watched_call || !should_fail(op))
        return 0;
    errno = fail_errno;
    return 1;
}

static int is_watched(int fd)
{
    return fd >= 0 && fd < MAX_FD && watched[fd];
}

#define REAL(name, type) static __typeof__(type) real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

static int open_common(int dirfd, const char *path, int flags, mode_t mode, int at)
{
    REAL(openat, int (*)(int, const char *, int, ...));
    const int watch = under_dir(at ? dirfd : AT_FDCWD, path);
    /* Only opens for writing count: reading a file back is not a write step. */
    const int writing = (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
    if (injected(watch && writing, OP_OPEN))
        return -1;
    const int fd = real_openat(at ? dirfd : AT_FDCWD, path, flags, mode);
    if (fd >= 0 && fd < MAX_FD)
        watched[fd] = (unsigned char)(watch && writing);
    return fd;
}

static mode_t mode_arg(int flags, va_list ap)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

/* The mode argument of an open call, read only where the flags say there is one (a GNU statement expression: the
 * va_list must live in the variadic function itself). */
#define MODE_ARG(flags) ({ va_list ap; va_start(ap, flags); const mode_t m = mode_arg(flags, ap); va_end(ap); m; })

int open(const char *path, int flags, ...) { return open_common(AT_FDCWD, path, flags, MODE_ARG(flags), 0); }
int open64(const char *path, int flags, ...) { return open_common(AT_FDCWD, path, flags, MODE_ARG(flags), 0); }
int openat(int dir, const char *path, int flags, ...) { return open_common(dir, path, flags, MODE_ARG(flags), 1); }
int openat64(int dir, const char *path, int flags, ...) { return open_common(dir, path, flags, MODE_ARG(flags), 1); }

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(write, ssize_t (*)(int, const void *, size_t));
    if (injected(is_watched(fd), OP_WRITE))
        return -1;
    return real_write(fd, buf, n);
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset)
{
    REAL(pwrite, ssize_t (*)(int, const void *, size_t, off_t));
    if (injected(is_watched(fd), OP_WRITE))
        return -1;
    return real_pwrite(fd, buf, n, offset);
}
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t offset)
{
    REAL(pwrite64, ssize_t (*)(int, const void *, size_t, off_t));
    if (injected(is_watched(fd), OP_WRITE))
        return -1;
    return real_pwrite64(fd, buf, n, offset);
}
ssize_t writev(int fd, const struct iovec *iov, int count)
{
    REAL(writev, ssize_t (*)(int, const struct iovec *, int));
    if (injected(is_watched(fd), OP_WRITE))
        return -1;
    return real_writev(fd, iov, count);
}
int fsync(int fd)
{
    REAL(fsync, int (*)(int));
    if (injected(is_watched(fd), OP_FSYNC))
        return -1;
    return real_fsync(fd);
}
int fdatasync(int fd)
{
    REAL(fdatasync, int (*)(int));
    if (injected(is_watched(fd), OP_FSYNC))
        return -1;
    return real_fdatasync(fd);
}
int close(int fd)
{
    REAL(close, int (*)(int));
    const int watch = is_watched(fd);
    if (fd >= 0 && fd < MAX_FD)
        watched[fd] = 0;
    const int rc = real_close(fd); /* the descriptor is gone either way, as with a real failed close */
    if (injected(watch, OP_CLOSE))
        return -1;
    return rc;
}
int rename(const char *from, const char *to)
{
    REAL(rename, int (*)(const char *, const char *));
    if (injected(under_dir(AT_FDCWD, from) || under_dir(AT_FDCWD, to), OP_RENAME))
        return -1;
    return real_rename(from, to);
}
int renameat(int fromdir, const char *from, int todir, const char *to)
{
    REAL(renameat, int (*)(int, const char *, int, const char *));
    if (injected(under_dir(fromdir, from) || under_dir(todir, to), OP_RENAME))
        return -1;
    return real_renameat(fromdir, from, todir, to);
}

__attribute__((destructor)) static void report_counts(void)
{
    const char *path = getenv("CS_FAULT_COUNTS");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    fprintf(f, "open=%ld write=%ld fsync=%ld close=%ld rename=%ld\n", counts[OP_OPEN], counts[OP_WRITE],
            counts[OP_FSYNC], counts[OP_CLOSE], counts[OP_RENAME]);
    fclose(f);
}
