/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The frontend side of the vhost-user protocol (QEMU
 * docs/interop/vhost-user.rst; facts in shared/hardware-facts.md 2): a
 * 12-byte header {request, flags, size} and a payload over an AF_UNIX
 * stream socket, fds as SCM_RIGHTS. Every call sends one message and,
 * for GET_* requests, waits a bounded time for its reply.
 */
#ifndef VHOST_USER_H
#define VHOST_USER_H

#include <stdbool.h>
#include <stdint.h>

/* Request numbers. */
#define VHOST_USER_GET_FEATURES		 1
#define VHOST_USER_SET_FEATURES		 2
#define VHOST_USER_SET_OWNER		 3
#define VHOST_USER_SET_MEM_TABLE	 5
#define VHOST_USER_SET_VRING_NUM	 8
#define VHOST_USER_SET_VRING_ADDR	 9
#define VHOST_USER_SET_VRING_BASE	 10
#define VHOST_USER_GET_VRING_BASE	 11
#define VHOST_USER_SET_VRING_KICK	 12
#define VHOST_USER_SET_VRING_CALL	 13
#define VHOST_USER_GET_PROTOCOL_FEATURES 15
#define VHOST_USER_SET_PROTOCOL_FEATURES 16
#define VHOST_USER_GET_QUEUE_NUM	 17
#define VHOST_USER_SET_VRING_ENABLE	 18

/* Protocol feature bits we use. */
#define VHOST_USER_PROTOCOL_F_MQ	0
#define VHOST_USER_PROTOCOL_F_REPLY_ACK 3

#define VHOST_USER_MAX_REGIONS 8

struct vhost_user_region {
	uint64_t guest_phys_addr;
	uint64_t memory_size;
	uint64_t userspace_addr;
	uint64_t mmap_offset;
};

/* Connects to a backend's socket; the fd or -errno (logged). */
int vhost_user_connect(const char *path, bool quiet);
/* Listens on path (server=1); the listening fd or -errno (logged). */
int vhost_user_listen(const char *path);
/* Waits up to timeout_ms for a backend on a listening fd; fd or -errno. */
int vhost_user_accept(int listen_fd, int timeout_ms);

/* A request without payload and without reply (SET_OWNER). */
int vhost_user_request(int fd, uint32_t req);
/* GET_FEATURES, GET_PROTOCOL_FEATURES, GET_QUEUE_NUM. */
int vhost_user_get_u64(int fd, uint32_t req, uint64_t *value);
/* SET_FEATURES, SET_PROTOCOL_FEATURES. */
int vhost_user_set_u64(int fd, uint32_t req, uint64_t value);
/* SET_VRING_NUM, SET_VRING_BASE, SET_VRING_ENABLE. */
int
vhost_user_set_vring_state(int fd, uint32_t req, uint32_t index, uint32_t num);
/* GET_VRING_BASE: stops the ring; *num is where the backend stopped. */
int vhost_user_get_vring_base(int fd, uint32_t index, uint32_t *num);
/* SET_VRING_KICK, SET_VRING_CALL with an eventfd. */
int vhost_user_set_vring_fd(int fd, uint32_t req, uint32_t index, int event_fd);
int vhost_user_set_vring_addr(int fd, uint32_t index, uint64_t desc,
	uint64_t used, uint64_t avail);
int vhost_user_set_mem_table(int fd, const struct vhost_user_region *regions,
	const int *fds, uint32_t nb_regions);

#endif /* VHOST_USER_H */
