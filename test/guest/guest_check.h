/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pci_guest_check: a small test driver on the public PCI API, run in the
 * QEMU guest against QEMU's virtio-net devices (modern 1af4:1041, legacy
 * 1af4:1000) bound to uio_pci_generic or vfio-pci. It is not a PMD: it
 * drives just enough of the virtio device (reset, status, features, one
 * receive and one transmit virtqueue) to prove that the bus mapped the
 * device, that register reads and writes reach it, that the device's DMA
 * lands where the IOVA says, and that its interrupts reach the EAL
 * interrupt thread.
 *
 * Every check prints one line "RESULT PASS|FAIL|SKIP <tag>: <bdf> <what>".
 */
#ifndef GUEST_CHECK_H
#define GUEST_CHECK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <bus_pci_driver.h>
#include <rte_memzone.h>

/* Device status bits (virtio 1.x section 2.1) */
#define GUEST_STATUS_ACKNOWLEDGE 0x01
#define GUEST_STATUS_DRIVER	 0x02
#define GUEST_STATUS_DRIVER_OK	 0x04
#define GUEST_STATUS_FEATURES_OK 0x08

/* Feature bits (virtio 1.x section 6): MAC 5, VERSION_1 32, ACCESS_PLATFORM 33 */
#define GUEST_F_MAC		(UINT64_C(1) << 5)
#define GUEST_F_VERSION_1	(UINT64_C(1) << 32)
#define GUEST_F_ACCESS_PLATFORM (UINT64_C(1) << 33)

/* virtio-net queue indexes (5.1.2) and the "no MSI-X vector" value (4.1.5.1.2) */
#define GUEST_RX_QUEUE	0
#define GUEST_TX_QUEUE	1
#define GUEST_NO_VECTOR 0xffff

/* How long the check waits for the device or an interrupt */
#define GUEST_TIMEOUT_MS 3000
/* Queue memory: the legacy layout (4.1.4.10, align 4096) suits both. */
#define GUEST_VQ_ALIGN 4096
#define GUEST_BUF_SIZE 2048

/* One split virtqueue (2.7) in the check's DMA memory. */
struct guest_vq {
	uint16_t index;
	uint16_t size;
	struct guest_vring_desc *desc;
	struct guest_vring_avail *avail;
	struct guest_vring_used *used;
	uint64_t desc_iova;
	uint64_t avail_iova;
	uint64_t used_iova;
	uint16_t avail_idx;	   /* next avail->idx the driver publishes */
	uint16_t used_seen;	   /* used->idx the driver consumed up to */
	volatile uint16_t *notify; /* modern: this queue's notify address */
};

struct guest_check;

/* What differs between the modern (4.1.4) and legacy (4.1.4.10) transports */
struct guest_transport {
	const char *name;
	int (*init)(struct guest_check *ck); /* find/map the registers */
	uint8_t (*get_status)(struct guest_check *ck);
	void (*set_status)(struct guest_check *ck, uint8_t status);
	uint64_t (*get_features)(struct guest_check *ck);
	void (*set_features)(struct guest_check *ck, uint64_t features);
	int (*read_mac)(struct guest_check *ck, uint8_t mac[6]);
	/* select a queue, read its size, give the device its rings and MSI-X
	 * vector (GUEST_NO_VECTOR for none); -1 with one FAIL line on error */
	int (*setup_queue)(struct guest_check *ck, struct guest_vq *vq,
		uint16_t vector);
	void (*notify)(struct guest_check *ck, struct guest_vq *vq);
	uint8_t (*read_isr)(struct guest_check *ck); /* clears it */
	void (*fini)(struct guest_check *ck);
};

struct guest_check {
	struct rte_pci_device *pci;
	const struct guest_transport *transport;
	const char *tag; /* binding under test: uio, vfio-noiommu, ... */
	bool msix;	 /* MSI-X enabled: legacy registers move by 4 */
	/* modern: the structures the vendor capabilities point at */
	volatile uint8_t *common_cfg;
	volatile uint8_t *isr_cfg;
	volatile uint8_t *device_cfg;
	volatile uint8_t *notify_base;
	uint32_t notify_multiplier;
	/* legacy: BAR0, an I/O BAR */
	struct rte_pci_ioport ioport;
	bool ioport_mapped;
	/* interrupts counted by the callback on the EAL interrupt thread */
	atomic_uint nb_interrupts;
	atomic_uint nb_off_thread; /* callbacks not on the interrupt thread */
	/* DMA memory: both rings, then the buffers */
	const struct rte_memzone *mz;
	struct guest_vq rxq;
	struct guest_vq txq;
	size_t net_hdr_len; /* 12 with VERSION_1, 10 for legacy */
	int nb_fails;
};

extern const struct guest_transport guest_modern_transport;
extern const struct guest_transport guest_legacy_transport;

/* Prints a RESULT line for ck and counts failures. */
void guest_result(struct guest_check *ck, bool pass, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void guest_skip(struct guest_check *ck, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* guest_vq.c: split virtqueues in DMA memory */
size_t guest_vq_mem_size(uint16_t size);
void
guest_vq_layout(struct guest_vq *vq, uint16_t size, void *va, uint64_t iova);
/* Chains len bytes at va/iova (device-readable) as one buffer */
void guest_vq_add_out(struct guest_vq *vq, uint64_t iova, uint32_t len);
/* One device-writable buffer */
void guest_vq_add_in(struct guest_vq *vq, uint64_t iova, uint32_t len);
/* Waits up to timeout_ms for a used entry; 0 and its length, or -1 */
int
guest_vq_wait_used(struct guest_vq *vq, unsigned int timeout_ms, uint32_t *len);

/* guest_traffic.c: rings, one tx and one rx frame, DMA fault */
int guest_traffic_setup(struct guest_check *ck);
void guest_traffic_check(struct guest_check *ck, const char *peer);
void guest_dma_fault_check(struct guest_check *ck, const char *peer);
void guest_traffic_teardown(struct guest_check *ck);

/* guest_peer.c: the kernel-owned NIC on the other end of the QEMU hub */
int guest_peer_open(const char *ifname, uint8_t mac[6]);
int guest_peer_send(int fd, const void *frame, size_t len);
/* Waits up to timeout_ms for an incoming frame equal to frame; 0 or -1 */
int guest_peer_expect(int fd, const void *frame, size_t len,
	unsigned int timeout_ms);

/* Milliseconds on a monotonic clock */
uint64_t guest_now_ms(void);

#endif /* GUEST_CHECK_H */
