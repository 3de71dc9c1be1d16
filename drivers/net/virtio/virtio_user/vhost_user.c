/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * vhost-user messages (frontend side). Numbers are native byte order.
 * A reply must come within VHOST_USER_REPLY_MS and must be the answer to
 * what was asked (same request, REPLY flag, expected size); anything else
 * is a peer that does not speak vhost-user, reported as -EPROTO.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_common.h>

#include "../virtio_log.h"
#include "vhost_user.h"

#define VHOST_USER_VERSION    0x1
#define VHOST_USER_FLAG_REPLY 0x4
#define VHOST_USER_HDR_SIZE   12
#define VHOST_USER_REPLY_MS   5000

struct vhost_user_vring_addr {
	uint32_t index;
	uint32_t flags;
	uint64_t desc;
	uint64_t used;
	uint64_t avail;
	uint64_t log;
};

struct vhost_user_mem {
	uint32_t nregions;
	uint32_t padding;
	struct vhost_user_region regions[VHOST_USER_MAX_REGIONS];
};

struct vhost_user_msg {
	uint32_t request;
	uint32_t flags;
	uint32_t size;
	union {
		uint64_t u64;
		struct {
			uint32_t index;
			uint32_t num;
		} state;
		struct vhost_user_vring_addr addr;
		struct vhost_user_mem mem;
	} payload;
} __rte_packed;

static int
sock_addr(const char *path, struct sockaddr_un *un)
{
	memset(un, 0, sizeof(*un));
	un->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(un->sun_path)) {
		VIRTIO_LOG(ERR,
			"virtio_user: socket path %s is longer than "
			"%zu bytes",
			path, sizeof(un->sun_path) - 1);
		return -ENAMETOOLONG;
	}
	memcpy(un->sun_path, path, strlen(path) + 1);
	return 0;
}

int
vhost_user_connect(const char *path, bool quiet)
{
	struct sockaddr_un un;
	int fd, ret;

	ret = sock_addr(path, &un);
	if (ret != 0)
		return ret;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
		ret = -errno;
		if (!quiet)
			VIRTIO_LOG(ERR,
				"virtio_user: cannot connect to %s: %s "
				"(is the vhost-user backend running, as a "
				"server? else use server=1)",
				path, strerror(errno));
		close(fd);
		return ret;
	}
	return fd;
}

int
vhost_user_listen(const char *path)
{
	struct sockaddr_un un;
	int fd, ret;

	ret = sock_addr(path, &un);
	if (ret != 0)
		return ret;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0 ||
		listen(fd, 1) < 0) {
		ret = -errno;
		VIRTIO_LOG(ERR, "virtio_user: cannot listen on %s: %s", path,
			strerror(errno));
		close(fd);
		return ret;
	}
	return fd;
}

int
vhost_user_accept(int listen_fd, int timeout_ms)
{
	struct pollfd pfd = { .fd = listen_fd, .events = POLLIN };
	int fd, flags;

	if (poll(&pfd, 1, timeout_ms) <= 0)
		return -ETIMEDOUT;
	fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0)
		return -errno;
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

static int
msg_send(int fd, struct vhost_user_msg *msg, const int *fds, int nb_fds)
{
	char control[CMSG_SPACE(sizeof(int) * VHOST_USER_MAX_REGIONS)];
	struct iovec iov = {
		.iov_base = msg,
		.iov_len = VHOST_USER_HDR_SIZE + msg->size,
	};
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cmsg;
	ssize_t n;

	msg->flags = VHOST_USER_VERSION;
	if (nb_fds > 0) {
		memset(control, 0, sizeof(control));
		mh.msg_control = control;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nb_fds);
		cmsg = CMSG_FIRSTHDR(&mh);
		cmsg->cmsg_len = CMSG_LEN(sizeof(int) * nb_fds);
		cmsg->cmsg_level = SOL_SOCKET;
		cmsg->cmsg_type = SCM_RIGHTS;
		memcpy(CMSG_DATA(cmsg), fds, sizeof(int) * nb_fds);
	}
	do {
		n = sendmsg(fd, &mh, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n != (ssize_t)iov.iov_len)
		return n < 0 ? -errno : -EIO;
	return 0;
}

/* Reads exactly len bytes within the reply deadline. */
static int
read_full(int fd, void *buf, size_t len)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		if (poll(&pfd, 1, VHOST_USER_REPLY_MS) <= 0)
			return -ETIMEDOUT;
		n = recv(fd, (char *)buf + got, len - got, 0);
		if (n == 0)
			return -ECONNRESET;
		if (n < 0 && errno != EINTR)
			return -errno;
		if (n > 0)
			got += (size_t)n;
	}
	return 0;
}

static const char *
req_name(uint32_t req)
{
	switch (req) {
	case VHOST_USER_GET_FEATURES:
		return "GET_FEATURES";
	case VHOST_USER_GET_PROTOCOL_FEATURES:
		return "GET_PROTOCOL_FEATURES";
	case VHOST_USER_GET_QUEUE_NUM:
		return "GET_QUEUE_NUM";
	case VHOST_USER_GET_VRING_BASE:
		return "GET_VRING_BASE";
	default:
		return "request";
	}
}

/* Sends msg and reads its reply (payload of reply_size bytes) into it. */
static int
msg_call(int fd, struct vhost_user_msg *msg, uint32_t reply_size)
{
	uint32_t req = msg->request;
	int ret;

	ret = msg_send(fd, msg, NULL, 0);
	if (ret == 0)
		ret = read_full(fd, msg, VHOST_USER_HDR_SIZE);
	if (ret == 0 &&
		(msg->request != req || msg->size != reply_size ||
			(msg->flags & 0x3) != VHOST_USER_VERSION ||
			(msg->flags & VHOST_USER_FLAG_REPLY) == 0))
		ret = -EPROTO;
	if (ret == 0)
		ret = read_full(fd, &msg->payload, reply_size);
	if (ret != 0)
		VIRTIO_LOG(ERR, "virtio_user: %s: %s", req_name(req),
			ret == -EPROTO ?
				"the peer's answer is not vhost-user "
				"(is the socket a vhost-user backend?)" :
				ret == -ETIMEDOUT ?
				"no answer from the backend" :
				strerror(-ret));
	return ret;
}

int
vhost_user_request(int fd, uint32_t req)
{
	struct vhost_user_msg msg = { .request = req, .size = 0 };

	return msg_send(fd, &msg, NULL, 0);
}

int
vhost_user_get_u64(int fd, uint32_t req, uint64_t *value)
{
	struct vhost_user_msg msg = { .request = req, .size = 0 };
	int ret = msg_call(fd, &msg, sizeof(uint64_t));

	if (ret == 0)
		*value = msg.payload.u64;
	return ret;
}

int
vhost_user_set_u64(int fd, uint32_t req, uint64_t value)
{
	struct vhost_user_msg msg = {
		.request = req,
		.size = sizeof(uint64_t),
		.payload.u64 = value,
	};

	return msg_send(fd, &msg, NULL, 0);
}

int
vhost_user_set_vring_state(int fd, uint32_t req, uint32_t index, uint32_t num)
{
	struct vhost_user_msg msg = {
		.request = req,
		.size = sizeof(msg.payload.state),
		.payload.state = { .index = index, .num = num },
	};

	return msg_send(fd, &msg, NULL, 0);
}

int
vhost_user_get_vring_base(int fd, uint32_t index, uint32_t *num)
{
	struct vhost_user_msg msg = {
		.request = VHOST_USER_GET_VRING_BASE,
		.size = sizeof(msg.payload.state),
		.payload.state = { .index = index },
	};
	int ret = msg_call(fd, &msg, sizeof(msg.payload.state));

	if (ret == 0)
		*num = msg.payload.state.num;
	return ret;
}

int
vhost_user_set_vring_fd(int fd, uint32_t req, uint32_t index, int event_fd)
{
	struct vhost_user_msg msg = {
		.request = req,
		.size = sizeof(uint64_t),
		.payload.u64 = index & 0xff,
	};

	return msg_send(fd, &msg, &event_fd, 1);
}

int
vhost_user_set_vring_addr(int fd, uint32_t index, uint64_t desc, uint64_t used,
	uint64_t avail)
{
	struct vhost_user_msg msg = {
		.request = VHOST_USER_SET_VRING_ADDR,
		.size = sizeof(msg.payload.addr),
		.payload.addr = {
			.index = index,
			.desc = desc,
			.used = used,
			.avail = avail,
		},
	};

	return msg_send(fd, &msg, NULL, 0);
}

int
vhost_user_set_mem_table(int fd, const struct vhost_user_region *regions,
	const int *fds, uint32_t nb_regions)
{
	struct vhost_user_msg msg = { .request = VHOST_USER_SET_MEM_TABLE };

	if (nb_regions == 0 || nb_regions > VHOST_USER_MAX_REGIONS)
		return -EINVAL;
	msg.payload.mem.nregions = nb_regions;
	memcpy(msg.payload.mem.regions, regions,
		nb_regions * sizeof(regions[0]));
	msg.size = (uint32_t)(offsetof(struct vhost_user_mem, regions) +
		nb_regions * sizeof(regions[0]));
	return msg_send(fd, &msg, fds, (int)nb_regions);
}
