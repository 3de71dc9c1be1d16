/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * DPDK's own vhost-user backend for the virtio-user tests: Debian's
 * dpdk-testpmd with net_vhost (a vhost-user server on SOCK), io
 * forwarding with loop topology, so every frame we send comes back as
 * it was. It runs with --no-pci (it never touches a host PCI device) and
 * --no-huge. Output goes to a log file beside the socket.
 */
#ifndef VHOST_BACKEND_H
#define VHOST_BACKEND_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DPDK_TESTPMD "/usr/bin/dpdk-testpmd"

struct vhost_backend {
	pid_t pid;
	int stdin_fd; /* kept open: testpmd waits for Enter */
	char sock[108];
	char log[128];
};

static inline bool
vhost_backend_available(void)
{
	return access(DPDK_TESTPMD, X_OK) == 0;
}

static inline double
vb_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* How long a backend may take to start on a loaded 2-CPU machine (its
 * 1 GiB of --no-huge memory and 32768 mbufs take seconds there). */
#define VB_START_S 60.0

/* Whether a unix socket at path is listening (/proc/net/unix: the
 * __SO_ACCEPTCON flag, 0x10000, marks a listening socket). */
static inline bool
vb_listening(const char *path)
{
	unsigned long flags;
	char line[512], name[256];
	bool found = false;
	FILE *f;

	f = fopen("/proc/net/unix", "r");
	if (f == NULL)
		return access(path, F_OK) == 0;
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		name[0] = '\0';
		if (sscanf(line, "%*s %*s %*s %lx %*s %*s %*s %255s", &flags,
			    name) == 2)
			found = (flags & 0x10000) != 0 &&
				strcmp(name, path) == 0;
	}
	fclose(f);
	return found;
}

/*
 * Starts the backend with queues pairs; 0, or -1 (log says why). As a
 * client (client=1) it connects to us (server=1 on our side) and retries
 * every second until we listen; as a server we wait for its socket.
 */
static inline int
vhost_backend_start_mode(struct vhost_backend *b, const char *sock,
	unsigned int queues, bool client)
{
	char vdev[200], prefix[64], rxq[32], txq[32];
	int pipefd[2], logfd;
	double deadline;

	snprintf(b->sock, sizeof(b->sock), "%s", sock);
	snprintf(b->log, sizeof(b->log), "%s.log", sock);
	snprintf(vdev, sizeof(vdev), "net_vhost0,iface=%s,queues=%u%s", sock,
		queues, client ? ",client=1" : "");
	snprintf(prefix, sizeof(prefix), "--file-prefix=pvt%d_%u", getpid(),
		queues);
	snprintf(rxq, sizeof(rxq), "--rxq=%u", queues);
	snprintf(txq, sizeof(txq), "--txq=%u", queues);
	if (!client)
		unlink(sock);
	if (pipe(pipefd) < 0)
		return -1;
	fflush(NULL);
	b->pid = fork();
	if (b->pid < 0)
		return -1;
	if (b->pid == 0) {
		logfd = open(b->log, O_WRONLY | O_CREAT | O_APPEND, 0644);
		dup2(pipefd[0], STDIN_FILENO);
		if (logfd >= 0) {
			dup2(logfd, STDOUT_FILENO);
			dup2(logfd, STDERR_FILENO);
		}
		close(pipefd[1]);
		execl(DPDK_TESTPMD, DPDK_TESTPMD, "-l", "0-1", "--no-pci",
			"--no-huge", "-m", "1024", prefix, "--vdev", vdev, "--",
			"--nb-cores=1", "--forward-mode=io",
			"--port-topology=loop", rxq, txq,
			"--total-num-mbufs=32768", "--mbuf-size=2176",
			(char *)NULL);
		_exit(127);
	}
	close(pipefd[0]);
	b->stdin_fd = pipefd[1];
	/* Its socket file appears at bind(), before listen(): a connect in
	 * between is refused. Ready means listening. */
	deadline = vb_now() + VB_START_S;
	while (!client && !vb_listening(sock)) {
		if (vb_now() > deadline || waitpid(b->pid, NULL, WNOHANG) != 0) {
			fprintf(stderr, "vhost backend did not start, see %s\n",
				b->log);
			return -1;
		}
		usleep(20 * 1000);
	}
	return 0;
}

static inline int
vhost_backend_start(struct vhost_backend *b, const char *sock,
	unsigned int queues)
{
	return vhost_backend_start_mode(b, sock, queues, false);
}

/* Stops it (SIGINT, then SIGKILL after 10 s); its exit status. */
static inline int
vhost_backend_stop(struct vhost_backend *b)
{
	double deadline = vb_now() + 10;
	int status = -1;

	if (b->pid <= 0)
		return -1;
	kill(b->pid, SIGINT);
	while (waitpid(b->pid, &status, WNOHANG) == 0) {
		if (vb_now() > deadline) {
			kill(b->pid, SIGKILL);
			waitpid(b->pid, &status, 0);
			break;
		}
		usleep(20 * 1000);
	}
	close(b->stdin_fd);
	b->pid = -1;
	return status;
}

#endif /* VHOST_BACKEND_H */
