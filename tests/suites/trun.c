// SPDX-License-Identifier: Apache-2.0
/* trun.c - see trun.h. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "trun.h"

extern char **environ;

#define TRUN_MAX_ARGS 30

int trun(const char *exe, const char **args, size_t nargs, const char *out_path, char *err,
         size_t errlen)
{
    /* stderr goes to an unlinked temporary file, read back at the end
     * (mkstemp needs the literal XXXXXX suffix in its template) */
    char tmpl[] = "/tmp/outrider-trun-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    unlink(tmpl);

    const char *argv[TRUN_MAX_ARGS + 2];
    assert_true(nargs <= TRUN_MAX_ARGS);
    argv[0] = exe;
    for (size_t i = 0; i < nargs; i++)
        argv[i + 1] = args[i];
    argv[nargs + 1] = NULL;

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out_path ? out_path : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, fd, STDERR_FILENO);
    pid_t pid;
    int rc = posix_spawn(&pid, exe, &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        close(fd);
        fail_msg("cannot run %s: %s", exe, strerror(rc));
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        ;
    ssize_t n = pread(fd, err, errlen - 1, 0);
    close(fd);
    err[n > 0 ? n : 0] = '\0';
    if (!WIFEXITED(status))
        fail_msg("%s killed by signal %d; stderr: %s", exe, WTERMSIG(status), err);
    return WEXITSTATUS(status);
}
