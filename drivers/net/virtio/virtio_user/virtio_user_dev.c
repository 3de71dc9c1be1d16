/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The virtio-user transport (see virtio_user_dev.h): the emulated device
 * behind virtio_user_ops, the vhost-user session, and the connection's
 * life (disconnect, reconnect). The control queue lives in
 * virtio_user_cvq.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "../virtio_ethdev.h"
#include "../virtio_log.h"
#include "vhost_user.h"
#include "virtio_user_dev.h"

#define VU_RECONNECT_US (1000 * 1000)
#define VU_ACCEPT_MS	(30 * 1000)

/* What the backend may do for us (the rest is emulated or unused). */
#define VU_BACKEND_FEATURES \
	(VIRTIO_BIT(VIRTIO_F_VERSION_1) | VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) | \
		VIRTIO_BIT(VIRTIO_F_EVENT_IDX) | VIRTIO_BIT(VIRTIO_NET_F_MQ))
/* Emulated here, never sent to the backend. */
#define VU_EMULATED_FEATURES \
	(VIRTIO_BIT(VIRTIO_NET_F_MAC) | VIRTIO_BIT(VIRTIO_NET_F_STATUS) | \
		VIRTIO_BIT(VIRTIO_NET_F_CTRL_VQ) | \
		VIRTIO_BIT(VIRTIO_NET_F_CTRL_RX) | \
		VIRTIO_BIT(VIRTIO_NET_F_CTRL_MAC_ADDR))

static struct virtio_user_dev *
vu_dev(struct virtio_hw *hw)
{
	return hw->transport;
}

static uint16_t
vu_nb_rings(const struct virtio_user_dev *dev)
{
	return (uint16_t)(2 * dev->max_pairs);
}

static bool
vu_protocol(const struct virtio_user_dev *dev)
{
	return (dev->backend_features &
		       VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES)) != 0;
}

/* SET_OWNER, features, protocol features, queue count. */
static int
vu_handshake(struct virtio_user_dev *dev, bool quiet_mismatch)
{
	uint64_t want_proto = VIRTIO_BIT(VHOST_USER_PROTOCOL_F_MQ), queues;
	int ret, fd = dev->sock;

	RTE_SET_USED(quiet_mismatch);
	ret = vhost_user_request(fd, VHOST_USER_SET_OWNER);
	if (ret == 0)
		ret = vhost_user_get_u64(fd, VHOST_USER_GET_FEATURES,
			&dev->backend_features);
	if (ret != 0)
		return ret;
	dev->protocol_features = 0;
	if (vu_protocol(dev)) {
		ret = vhost_user_get_u64(fd, VHOST_USER_GET_PROTOCOL_FEATURES,
			&dev->protocol_features);
		dev->protocol_features &= want_proto;
		if (ret == 0)
			ret = vhost_user_set_u64(fd,
				VHOST_USER_SET_PROTOCOL_FEATURES,
				dev->protocol_features);
		if (ret != 0)
			return ret;
	}
	if (dev->max_pairs == 1)
		return 0;
	if ((dev->protocol_features & VIRTIO_BIT(VHOST_USER_PROTOCOL_F_MQ)) ==
			0 ||
		(dev->backend_features & VIRTIO_BIT(VIRTIO_NET_F_MQ)) == 0) {
		VIRTIO_LOG(ERR,
			"virtio_user %s: queues=%u but the backend "
			"has no multi-queue support: use queues=1",
			dev->path, dev->max_pairs);
		return -ENOTSUP;
	}
	ret = vhost_user_get_u64(fd, VHOST_USER_GET_QUEUE_NUM, &queues);
	if (ret == 0 && queues < dev->max_pairs) {
		VIRTIO_LOG(ERR,
			"virtio_user %s: queues=%u but the backend "
			"offers %" PRIu64 " queue pairs: use queues=%" PRIu64,
			dev->path, dev->max_pairs, queues, queues);
		ret = -ENOTSUP;
	}
	return ret;
}

/* Features sent to the backend: the driver's minus what we emulate. */
static uint64_t
vu_backend_set(const struct virtio_user_dev *dev)
{
	uint64_t f = dev->features & dev->backend_features &
		~VU_EMULATED_FEATURES;

	if (vu_protocol(dev))
		f |= VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES);
	return f;
}

/* Hands one ring to the backend, resuming at base. */
static int
vu_ring_start(struct virtio_user_dev *dev, struct virtqueue *vq, uint16_t base)
{
	uint32_t i = vq->index;
	int fd = dev->sock, ret;

	ret = vhost_user_set_vring_fd(fd, VHOST_USER_SET_VRING_CALL, i,
		dev->call_fds[i]);
	if (ret == 0)
		ret = vhost_user_set_vring_state(fd, VHOST_USER_SET_VRING_NUM,
			i, vq->size);
	if (ret == 0)
		ret = vhost_user_set_vring_state(fd, VHOST_USER_SET_VRING_BASE,
			i, base);
	if (ret == 0)
		ret = vhost_user_set_vring_addr(fd, i,
			(uint64_t)(uintptr_t)vq->desc,
			(uint64_t)(uintptr_t)vq->used,
			(uint64_t)(uintptr_t)vq->avail);
	if (ret == 0)
		ret = vhost_user_set_vring_fd(fd, VHOST_USER_SET_VRING_KICK, i,
			dev->kick_fds[i]);
	return ret;
}

/*
 * DRIVER_OK (or a backend that came back): memory table, then every ring
 * the driver set up, then pair 0 (more pairs come with VQ_PAIRS_SET). A
 * ring resumes at the used index: what the device had not returned is
 * handed out again, so no buffer is lost with the old backend.
 */
static int
vu_rings_start(struct virtio_user_dev *dev, bool resume)
{
	uint16_t i, pairs = resume ? dev->pairs_enabled : 1;
	struct virtqueue *vq;
	int ret;

	ret = virtio_user_set_mem_table(dev, false);
	for (i = 0; i < vu_nb_rings(dev) && ret == 0; i++) {
		vq = dev->vqs[i];
		if (vq != NULL)
			ret = vu_ring_start(dev, vq,
				resume ? __atomic_load_n(&vq->used->idx,
						 __ATOMIC_ACQUIRE) :
					 0);
	}
	if (ret != 0)
		return ret;
	dev->rings_live = true;
	dev->pairs_enabled = 0;
	return virtio_user_enable_pairs(dev, RTE_MAX(pairs, 1));
}

int
virtio_user_enable_pairs(struct virtio_user_dev *dev, uint16_t pairs)
{
	uint16_t i;
	int ret = 0;

	if (pairs > dev->max_pairs)
		return -EINVAL;
	if (dev->sock < 0 || !dev->rings_live || !vu_protocol(dev)) {
		dev->pairs_enabled = pairs;
		return 0;
	}
	for (i = 0; i < vu_nb_rings(dev) && ret == 0; i++)
		if (dev->vqs[i] != NULL)
			ret = vhost_user_set_vring_state(dev->sock,
				VHOST_USER_SET_VRING_ENABLE, i,
				i / 2 < pairs ? 1 : 0);
	if (ret == 0)
		dev->pairs_enabled = pairs;
	return ret;
}

/* Reset: the backend stops every ring (GET_VRING_BASE). */
static void
vu_rings_stop(struct virtio_user_dev *dev)
{
	uint32_t base;
	uint16_t i;

	if (dev->sock >= 0 && dev->rings_live) {
		if (vu_protocol(dev))
			for (i = 0; i < vu_nb_rings(dev); i++)
				if (dev->vqs[i] != NULL)
					vhost_user_set_vring_state(dev->sock,
						VHOST_USER_SET_VRING_ENABLE, i,
						0);
		/* A backend that does not answer one will not answer the
		 * next: stop asking rather than wait for each. */
		for (i = 0; i < vu_nb_rings(dev); i++)
			if (dev->vqs[i] != NULL &&
				vhost_user_get_vring_base(dev->sock, i,
					&base) != 0)
				break;
	}
	dev->rings_live = false;
}

/* Transport operations. */

static void
vu_read_dev_config(struct virtio_hw *hw, size_t offset, void *dst, int len)
{
	struct virtio_user_dev *dev = vu_dev(hw);
	uint8_t cfg[VIRTIO_NET_CFG_SIZE] = { 0 };
	uint16_t status, pairs = dev->max_pairs;

	memcpy(cfg + VIRTIO_NET_CFG_MAC, dev->mac.addr_bytes,
		RTE_ETHER_ADDR_LEN);
	/* Up once a backend took the handshake (and the rings, if the
	 * driver had them), not merely connected. */
	status = __atomic_load_n(&dev->link_up, __ATOMIC_ACQUIRE) ?
		VIRTIO_NET_S_LINK_UP :
		0;
	memcpy(cfg + VIRTIO_NET_CFG_STATUS, &status, sizeof(status));
	memcpy(cfg + VIRTIO_NET_CFG_MAX_PAIRS, &pairs, sizeof(pairs));
	if (offset + (size_t)len <= sizeof(cfg))
		memcpy(dst, cfg + offset, (size_t)len);
}

static void
vu_write_dev_config(struct virtio_hw *hw, size_t offset, const void *src,
	int len)
{
	struct virtio_user_dev *dev = vu_dev(hw);

	if (offset == VIRTIO_NET_CFG_MAC && len == RTE_ETHER_ADDR_LEN)
		memcpy(dev->mac.addr_bytes, src, RTE_ETHER_ADDR_LEN);
}

static uint8_t
vu_get_status(struct virtio_hw *hw)
{
	return vu_dev(hw)->status;
}

static int
vu_set_status(struct virtio_hw *hw, uint8_t status)
{
	struct virtio_user_dev *dev = vu_dev(hw);
	uint8_t old = dev->status;
	int ret = 0;

	pthread_mutex_lock(&dev->lock);
	if ((status & VIRTIO_STATUS_FEATURES_OK) != 0 &&
		(old & VIRTIO_STATUS_FEATURES_OK) == 0 && dev->sock >= 0)
		ret = vhost_user_set_u64(dev->sock, VHOST_USER_SET_FEATURES,
			vu_backend_set(dev));
	if (ret == 0 && (status & VIRTIO_STATUS_DRIVER_OK) != 0 &&
		(old & VIRTIO_STATUS_DRIVER_OK) == 0 && dev->sock >= 0)
		ret = vu_rings_start(dev, false);
	if (ret == 0)
		dev->status = status;
	pthread_mutex_unlock(&dev->lock);
	if (ret != 0)
		VIRTIO_LOG(ERR,
			"virtio_user %s: the backend did not take the "
			"device status 0x%x: %s",
			dev->path, status, strerror(-ret));
	return ret;
}

static int
vu_reset(struct virtio_hw *hw)
{
	struct virtio_user_dev *dev = vu_dev(hw);

	pthread_mutex_lock(&dev->lock);
	vu_rings_stop(dev);
	memset(dev->vqs, 0, (vu_nb_rings(dev) + 1) * sizeof(dev->vqs[0]));
	dev->status = VIRTIO_STATUS_RESET;
	dev->features = 0;
	dev->pairs_enabled = 0;
	pthread_mutex_unlock(&dev->lock);
	return 0;
}

static uint64_t
vu_get_features(struct virtio_hw *hw)
{
	struct virtio_user_dev *dev = vu_dev(hw);
	uint64_t f = dev->backend_features & VU_BACKEND_FEATURES;

	if (dev->max_pairs == 1)
		f &= ~VIRTIO_BIT(VIRTIO_NET_F_MQ);
	return f | VU_EMULATED_FEATURES;
}

static int
vu_set_features(struct virtio_hw *hw, uint64_t features)
{
	vu_dev(hw)->features = features;
	return 0;
}

static uint16_t
vu_get_queue_size(struct virtio_hw *hw, uint16_t index)
{
	struct virtio_user_dev *dev = vu_dev(hw);

	return index <= vu_nb_rings(dev) ? dev->queue_size : 0;
}

static bool
vu_queue_size_settable(struct virtio_hw *hw __rte_unused)
{
	return true;
}

static int
vu_setup_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	struct virtio_user_dev *dev = vu_dev(hw);

	if (vq == hw->cvq) {
		dev->vqs[vu_nb_rings(dev)] = vq;
		dev->cvq_next = 0;
		return 0;
	}
	if (vq->index >= vu_nb_rings(dev))
		return -EINVAL;
	vq->kick_fd = dev->kick_fds[vq->index];
	vq->call_fd = dev->call_fds[vq->index];
	dev->vqs[vq->index] = vq;
	return 0;
}

static void
vu_del_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	struct virtio_user_dev *dev = vu_dev(hw);

	if (vq->index < vu_nb_rings(dev))
		dev->vqs[vq->index] = NULL;
}

static void
vu_notify_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	uint64_t one = 1;

	if (unlikely(vq == hw->cvq)) {
		virtio_user_cvq_handle(vu_dev(hw), vq);
		return;
	}
	/* An eventfd write of 8 bytes cannot be short; EAGAIN means the
	 * counter is already nonzero, i.e. a kick is pending anyway. */
	if (write(vq->kick_fd, &one, sizeof(one)) < 0)
		return;
}

static uint8_t
vu_get_isr(struct virtio_hw *hw __rte_unused)
{
	return 0;
}

/* Rx interrupts: the call eventfd of each rx ring is its vector. */
static int
vu_intr_setup(struct virtio_hw *hw, struct rte_eth_dev *eth_dev)
{
	struct virtio_user_dev *dev = vu_dev(hw);
	struct rte_intr_handle *h = eth_dev->intr_handle;
	uint16_t q, nb = eth_dev->data->nb_rx_queues;

	if (eth_dev->data->dev_conf.intr_conf.rxq == 0 || h == NULL)
		return 0;
	if (rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV) != 0 ||
		rte_intr_efd_counter_size_set(h, sizeof(uint64_t)) != 0 ||
		rte_intr_nb_efd_set(h, nb) != 0 ||
		rte_intr_max_intr_set(h, nb + 1) != 0 ||
		rte_intr_vec_list_alloc(h, "virtio_user", nb) != 0)
		return -ENOMEM;
	for (q = 0; q < nb; q++) {
		if (rte_intr_efds_index_set(h, q, dev->call_fds[2 * q]) != 0 ||
			rte_intr_vec_list_index_set(h, q,
				RTE_INTR_VEC_RXTX_OFFSET + q) != 0)
			return -EINVAL;
	}
	return 0;
}

static void
vu_intr_teardown(struct virtio_hw *hw __rte_unused, struct rte_eth_dev *eth_dev)
{
	if (eth_dev->intr_handle == NULL)
		return;
	rte_intr_free_epoll_fd(eth_dev->intr_handle);
	rte_intr_vec_list_free(eth_dev->intr_handle);
	rte_intr_nb_efd_set(eth_dev->intr_handle, 0);
}

static void
vu_close(struct virtio_hw *hw)
{
	virtio_user_dev_uninit(vu_dev(hw));
}

const struct virtio_ops virtio_user_ops = {
	.name = "virtio-user",
	.read_dev_config = vu_read_dev_config,
	.write_dev_config = vu_write_dev_config,
	.get_status = vu_get_status,
	.set_status = vu_set_status,
	.reset = vu_reset,
	.get_features = vu_get_features,
	.set_features = vu_set_features,
	.get_queue_size = vu_get_queue_size,
	.queue_size_settable = vu_queue_size_settable,
	.setup_queue = vu_setup_queue,
	.del_queue = vu_del_queue,
	.notify_queue = vu_notify_queue,
	.get_isr = vu_get_isr,
	.intr_setup = vu_intr_setup,
	.intr_teardown = vu_intr_teardown,
	.close = vu_close,
};

/* The connection's life. */

static void vu_reconnect_alarm(void *arg);
static void vu_sock_event(void *arg);

/* The interrupt thread is done with a lost connection: its fd goes. */
static void
vu_sock_closed(struct rte_intr_handle *h, void *arg)
{
	struct virtio_user_dev *dev = arg;
	int fd = rte_intr_fd_get(h);

	if (fd >= 0)
		close(fd);
	rte_intr_fd_set(h, -1);
	pthread_mutex_lock(&dev->lock);
	dev->sock_closing = false;
	pthread_mutex_unlock(&dev->lock);
}

/* server=1 and a backend is there: one more is told no at once (else
 * the listening socket stays readable and the interrupt thread spins). */
static void
vu_refuse_extra(struct virtio_user_dev *dev)
{
	char byte;
	ssize_t n;
	int fd;

	/* Ours hung up and its event is still queued: the newcomer is
	 * its successor, taken once that event is handled. */
	n = recv(dev->sock, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
		return;
	fd = vhost_user_accept(dev->listen_fd, 0);
	if (fd < 0)
		return;
	close(fd);
	VIRTIO_LOG(WARNING,
		"virtio_user %s: a second backend connected; "
		"refused (one at a time)",
		dev->path);
}

/* Opens a connection: connect, or accept from the listening socket. */
static int
vu_open(struct virtio_user_dev *dev, bool quiet, int accept_ms)
{
	int fd;

	if (dev->server)
		fd = vhost_user_accept(dev->listen_fd, accept_ms);
	else
		fd = vhost_user_connect(dev->path, quiet);
	if (fd == -ETIMEDOUT && !quiet)
		VIRTIO_LOG(ERR,
			"virtio_user %s: no backend connected within "
			"%d s",
			dev->path, accept_ms / 1000);
	return fd;
}

/*
 * A backend is back (interrupt thread): the handshake again, the same
 * features (the driver cannot take others now), and the rings where the
 * old backend left them.
 */
static int
vu_resume(struct virtio_user_dev *dev)
{
	uint64_t old = dev->backend_features;
	int ret;

	ret = vu_handshake(dev, true);
	if (ret == 0 &&
		(dev->features & ~VU_EMULATED_FEATURES &
			~dev->backend_features) != 0) {
		VIRTIO_LOG(ERR,
			"virtio_user %s: the new backend lacks "
			"features the driver negotiated",
			dev->path);
		ret = -ENOTSUP;
	}
	if (ret == 0 && (dev->status & VIRTIO_STATUS_FEATURES_OK) != 0)
		ret = vhost_user_set_u64(dev->sock, VHOST_USER_SET_FEATURES,
			vu_backend_set(dev));
	if (ret == 0 && (dev->status & VIRTIO_STATUS_DRIVER_OK) != 0)
		ret = vu_rings_start(dev, true);
	if (ret != 0)
		dev->backend_features = old;
	return ret;
}

/*
 * A new connection (alarm thread in client mode, interrupt thread in
 * server mode). Not before the last one's fd is closed: the interrupt
 * thread finds sources by fd number, and a new socket that got the old
 * number would join the dying source and never be watched.
 */
static void
vu_try_reconnect(struct virtio_user_dev *dev)
{
	bool up = false, retry;
	int fd, ret;

	pthread_mutex_lock(&dev->lock);
	if (dev->closing || dev->sock >= 0 || dev->sock_closing) {
		if (dev->server && dev->sock >= 0 && !dev->closing)
			vu_refuse_extra(dev);
		retry = !dev->server && !dev->closing && dev->sock < 0;
		pthread_mutex_unlock(&dev->lock);
		if (retry)
			rte_eal_alarm_set(VU_RECONNECT_US / 10,
				vu_reconnect_alarm, dev);
		return;
	}
	fd = vu_open(dev, true, 0);
	if (fd >= 0) {
		dev->sock = fd;
		ret = vu_resume(dev);
		if (ret == 0)
			ret = rte_intr_fd_set(dev->sock_intr, fd);
		if (ret == 0)
			ret = rte_intr_callback_register(dev->sock_intr,
				vu_sock_event, dev);
		if (ret != 0) {
			close(fd);
			dev->sock = -1;
			rte_intr_fd_set(dev->sock_intr, -1);
		}
		up = ret == 0;
		__atomic_store_n(&dev->link_up, up, __ATOMIC_RELEASE);
	}
	retry = !up && !dev->server && !dev->closing;
	pthread_mutex_unlock(&dev->lock);
	if (up) {
		VIRTIO_LOG(INFO, "virtio_user %s: backend connected", dev->path);
		virtio_ethdev_config_changed(dev->eth_dev);
	} else if (retry) {
		rte_eal_alarm_set(VU_RECONNECT_US, vu_reconnect_alarm, dev);
	}
}

static void
vu_reconnect_alarm(void *arg)
{
	vu_try_reconnect(arg);
}

static void
vu_listen_event(void *arg)
{
	vu_try_reconnect(arg);
}

/* Something on the socket (interrupt thread): the backend went away. */
static void
vu_sock_event(void *arg)
{
	struct virtio_user_dev *dev = arg;
	char byte;
	ssize_t n;

	n = recv(rte_intr_fd_get(dev->sock_intr), &byte, 1,
		MSG_PEEK | MSG_DONTWAIT);
	if (n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR)))
		return; /* nothing we asked for; the peer is still there */
	pthread_mutex_lock(&dev->lock);
	if (rte_intr_callback_unregister_pending(dev->sock_intr, vu_sock_event,
		    dev, vu_sock_closed) > 0)
		dev->sock_closing = true;
	__atomic_store_n(&dev->link_up, false, __ATOMIC_RELEASE);
	__atomic_store_n(&dev->sock, -1, __ATOMIC_RELAXED);
	dev->rings_live = false;
	pthread_mutex_unlock(&dev->lock);
	VIRTIO_LOG(WARNING, "virtio_user %s: backend disconnected%s", dev->path,
		dev->server ? ", waiting for it" :
			      ", reconnecting every second");
	virtio_ethdev_config_changed(dev->eth_dev);
	if (!dev->server)
		rte_eal_alarm_set(VU_RECONNECT_US, vu_reconnect_alarm, dev);
}

static int
vu_fds_make(struct virtio_user_dev *dev)
{
	uint16_t i, n = vu_nb_rings(dev);

	dev->vqs = calloc(n + 1, sizeof(dev->vqs[0]));
	dev->kick_fds = malloc(n * sizeof(int));
	dev->call_fds = malloc(n * sizeof(int));
	if (dev->vqs == NULL || dev->kick_fds == NULL || dev->call_fds == NULL)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		dev->kick_fds[i] = dev->call_fds[i] = -1;
	for (i = 0; i < n; i++) {
		dev->kick_fds[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		dev->call_fds[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (dev->kick_fds[i] < 0 || dev->call_fds[i] < 0)
			return -errno;
	}
	return 0;
}

static void
vu_fds_free(struct virtio_user_dev *dev)
{
	uint16_t i;

	for (i = 0; dev->kick_fds != NULL && i < vu_nb_rings(dev); i++) {
		if (dev->kick_fds[i] >= 0)
			close(dev->kick_fds[i]);
		if (dev->call_fds != NULL && dev->call_fds[i] >= 0)
			close(dev->call_fds[i]);
	}
	free(dev->vqs);
	free(dev->kick_fds);
	free(dev->call_fds);
	dev->vqs = NULL;
	dev->kick_fds = NULL;
	dev->call_fds = NULL;
}

int
virtio_user_dev_init(struct virtio_user_dev *dev)
{
	int ret;

	pthread_mutex_init(&dev->lock, NULL);
	dev->sock = -1;
	dev->listen_fd = -1;
	ret = vu_fds_make(dev);
	if (ret == 0 && dev->server) {
		dev->listen_fd = vhost_user_listen(dev->path);
		ret = dev->listen_fd < 0 ? dev->listen_fd : 0;
	}
	if (ret == 0) {
		dev->sock = vu_open(dev, false, VU_ACCEPT_MS);
		ret = dev->sock < 0 ? dev->sock : 0;
	}
	if (ret == 0)
		ret = vu_handshake(dev, false);
	dev->link_up = ret == 0;
	if (ret == 0 &&
		rte_mem_event_callback_register("virtio_user_mem",
			virtio_user_mem_event, dev) != 0)
		ret = -rte_errno;
	dev->mem_cb = ret == 0;
	if (ret == 0) {
		dev->sock_intr = rte_intr_instance_alloc(
			RTE_INTR_INSTANCE_F_PRIVATE);
		dev->listen_intr = rte_intr_instance_alloc(
			RTE_INTR_INSTANCE_F_PRIVATE);
		if (dev->sock_intr == NULL || dev->listen_intr == NULL)
			ret = -ENOMEM;
	}
	if (ret != 0)
		virtio_user_dev_uninit(dev);
	return ret;
}

int
virtio_user_dev_watch(struct virtio_user_dev *dev)
{
	int ret;

	rte_intr_type_set(dev->sock_intr, RTE_INTR_HANDLE_EXT);
	rte_intr_fd_set(dev->sock_intr, dev->sock);
	ret = rte_intr_callback_register(dev->sock_intr, vu_sock_event, dev);
	if (ret == 0 && dev->server) {
		rte_intr_type_set(dev->listen_intr, RTE_INTR_HANDLE_EXT);
		rte_intr_fd_set(dev->listen_intr, dev->listen_fd);
		ret = rte_intr_callback_register(dev->listen_intr,
			vu_listen_event, dev);
	}
	return ret;
}

void
virtio_user_dev_uninit(struct virtio_user_dev *dev)
{
	pthread_mutex_lock(&dev->lock);
	dev->closing = true;
	pthread_mutex_unlock(&dev->lock);
	rte_eal_alarm_cancel(vu_reconnect_alarm, dev);
	if (dev->mem_cb)
		rte_mem_event_callback_unregister("virtio_user_mem", dev);
	dev->mem_cb = false;
	rte_eal_alarm_cancel(virtio_user_mem_alarm, dev);
	if (dev->sock_intr != NULL && rte_intr_fd_get(dev->sock_intr) >= 0)
		rte_intr_callback_unregister_sync(dev->sock_intr, vu_sock_event,
			dev);
	if (dev->listen_intr != NULL && rte_intr_fd_get(dev->listen_intr) >= 0)
		rte_intr_callback_unregister_sync(dev->listen_intr,
			vu_listen_event, dev);
	/* A disconnect handled meanwhile closed its fd in vu_sock_closed. */
	if (dev->sock >= 0)
		close(dev->sock);
	dev->sock = -1;
	if (dev->listen_fd >= 0) {
		close(dev->listen_fd);
		unlink(dev->path);
	}
	dev->listen_fd = -1;
	rte_intr_instance_free(dev->sock_intr);
	rte_intr_instance_free(dev->listen_intr);
	dev->sock_intr = NULL;
	dev->listen_intr = NULL;
	vu_fds_free(dev);
	pthread_mutex_destroy(&dev->lock);
}
