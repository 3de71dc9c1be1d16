/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-user: a virtio-net device emulated in the process, whose rings
 * a vhost-user backend serves. The driver sees an ordinary device through
 * virtio_user_ops; status writes become vhost-user messages (FEATURES_OK:
 * SET_FEATURES; DRIVER_OK: memory table and rings; reset: rings stopped).
 * MAC, link status and the control queue are emulated here, as DPDK's
 * virtio-user does: the control queue's VQ_PAIRS_SET becomes
 * SET_VRING_ENABLE, the rx mode commands are acked (the backend delivers
 * everything). The backend going away is link down; coming back (client
 * mode: we reconnect every second; server mode: it reconnects) is link up
 * with the rings resumed where the backend left them.
 */
#ifndef VIRTIO_USER_DEV_H
#define VIRTIO_USER_DEV_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_ether.h>
#include <rte_interrupts.h>
#include <rte_memory.h>

#include "../virtio_dev.h"

struct rte_eth_dev;

struct virtio_user_dev {
	struct virtio_hw *hw;
	struct rte_eth_dev *eth_dev;
	char path[PATH_MAX];
	bool server;
	uint16_t max_pairs;  /* queues= */
	uint16_t queue_size; /* queue_size= */
	struct rte_ether_addr mac;

	pthread_mutex_t lock; /* everything below */
	int sock;	      /* -1 while disconnected */
	bool link_up;	      /* sock has done the handshake */
	bool sock_closing;    /* the interrupt thread has yet to
					 * close the last connection's fd */
	int listen_fd;	      /* server=1 */
	uint64_t backend_features;
	uint64_t protocol_features;
	uint64_t features; /* the driver's */
	uint8_t status;
	bool rings_live; /* the backend has the rings */
	bool closing;
	bool mem_cb;	/* memory event callback registered */
	bool mem_stale; /* memory came while locked: the alarm sends it */
	uint16_t pairs_enabled;
	uint16_t cvq_next;	/* next control chain to handle */
	struct virtqueue **vqs; /* 2 * max_pairs + 1, by index */
	int *kick_fds;		/* 2 * max_pairs */
	int *call_fds;
	struct rte_intr_handle *sock_intr;   /* watches sock */
	struct rte_intr_handle *listen_intr; /* server: new backends */
};

extern const struct virtio_ops virtio_user_ops;

/*
 * Makes the eventfds, connects (or waits up to 30 s for a backend with
 * server=1) and runs the handshake. 0 or -errno, one log line, nothing
 * left open on failure.
 */
int virtio_user_dev_init(struct virtio_user_dev *dev);
/* Disconnects and frees everything virtio_user_dev_init() made. */
void virtio_user_dev_uninit(struct virtio_user_dev *dev);
/* virtio_user_cvq.c: handles what the driver put in the control queue. */
void virtio_user_cvq_handle(struct virtio_user_dev *dev, struct virtqueue *vq);
/* Enables the first pairs queue pairs, disables the rest (lock held). */
int virtio_user_enable_pairs(struct virtio_user_dev *dev, uint16_t pairs);

/* virtio_user_mem.c: sends the memory table (locked: the caller holds
 * the EAL memory lock, from a memory event). 0 or -errno, logged. */
int virtio_user_set_mem_table(struct virtio_user_dev *dev, bool locked);
/* The memory event callback: new memory goes to the backend. */
void virtio_user_mem_event(enum rte_mem_event type, const void *addr,
	size_t len, void *arg);
/* Alarm callback: memory that came while the device was busy goes to the
 * backend (cancelled by virtio_user_dev_uninit()). */
void virtio_user_mem_alarm(void *arg);

/* Starts watching the connection (after the port exists). */
int virtio_user_dev_watch(struct virtio_user_dev *dev);

#endif /* VIRTIO_USER_DEV_H */
