/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * DMA and interrupts: the device reads one frame from the check's memory
 * and sends it to the kernel peer, writes one frame from the peer into it,
 * signals both through the EAL interrupt thread, and (behind the vIOMMU)
 * does not reach memory the bus did not map for it.
 *
 * DMA memory, one IOVA-contiguous memzone:
 *
 *   rx ring | tx ring | rx buffer | tx buffer | fault buffer
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "guest_check.h"

#define GUEST_FRAME_LEN	   64
#define GUEST_ETHERTYPE_HI 0x88
#define GUEST_ETHERTYPE_LO 0xb5

static void
build_frame(uint8_t *frame, const uint8_t dst[6], const uint8_t src[6],
	const char *text)
{
	memset(frame, 0, GUEST_FRAME_LEN);
	memcpy(frame, dst, 6);
	memcpy(frame + 6, src, 6);
	frame[12] = GUEST_ETHERTYPE_HI;
	frame[13] = GUEST_ETHERTYPE_LO;
	snprintf((char *)frame + 14, GUEST_FRAME_LEN - 14, "%s", text);
}

static uint8_t *
buffer_va(struct guest_check *ck, unsigned int index)
{
	size_t rings = guest_vq_mem_size(ck->rxq.size) +
		guest_vq_mem_size(ck->txq.size);

	return (uint8_t *)ck->mz->addr + rings + (size_t)index * GUEST_BUF_SIZE;
}

static uint64_t
buffer_iova(struct guest_check *ck, unsigned int index)
{
	return ck->mz->iova +
		(uint64_t)(buffer_va(ck, index) - (uint8_t *)ck->mz->addr);
}

/* 3.1.1 step 7-8: both rings, one rx buffer, DRIVER_OK */
int
guest_traffic_setup(struct guest_check *ck)
{
	const struct guest_transport *t = ck->transport;
	uint16_t vector = ck->msix ? 0 : GUEST_NO_VECTOR;
	size_t rx_mem = guest_vq_mem_size(ck->rxq.size);
	size_t len = rx_mem + guest_vq_mem_size(ck->txq.size) +
		3 * GUEST_BUF_SIZE;
	char name[RTE_MEMZONE_NAMESIZE];

	snprintf(name, sizeof(name), "guest_check_%s", ck->pci->name);
	ck->mz = rte_memzone_reserve_aligned(name, len, SOCKET_ID_ANY,
		RTE_MEMZONE_IOVA_CONTIG, GUEST_VQ_ALIGN);
	if (ck->mz == NULL) {
		guest_result(ck, false,
			"rte_memzone_reserve_aligned(%zu, IOVA_CONTIG): %s",
			len, rte_strerror(rte_errno));
		return -1;
	}
	guest_vq_layout(&ck->rxq, ck->rxq.size, ck->mz->addr, ck->mz->iova);
	guest_vq_layout(&ck->txq, ck->txq.size,
		(uint8_t *)ck->mz->addr + rx_mem, ck->mz->iova + rx_mem);
	if (t->setup_queue(ck, &ck->rxq, vector) != 0 ||
		t->setup_queue(ck, &ck->txq, vector) != 0)
		return -1;
	guest_vq_add_in(&ck->rxq, buffer_iova(ck, 0), GUEST_BUF_SIZE);
	t->set_status(ck, t->get_status(ck) | GUEST_STATUS_DRIVER_OK);
	t->notify(ck, &ck->rxq);
	guest_result(ck, (t->get_status(ck) & GUEST_STATUS_DRIVER_OK) != 0,
		"queues set up (rx %u, tx %u entries) in a memzone at IOVA 0x%llx (%s), DRIVER_OK read back",
		ck->rxq.size, ck->txq.size, (unsigned long long)ck->mz->iova,
		ck->msix ? "MSI-X vector 0" : "no vector: INTx");
	return 0;
}

static void
check_interrupt(struct guest_check *ck, uint64_t since_ms)
{
	uint64_t end = since_ms + GUEST_TIMEOUT_MS;

	while (atomic_load(&ck->nb_interrupts) == 0 && guest_now_ms() < end)
		usleep(1000);
	if (atomic_load(&ck->nb_interrupts) == 0)
		guest_result(ck, false,
			"no interrupt reached the callback within %u ms (%s)",
			GUEST_TIMEOUT_MS, ck->msix ? "MSI-X" : "INTx");
	else if (atomic_load(&ck->nb_off_thread) != 0)
		guest_result(ck, false,
			"the interrupt callback ran outside the EAL interrupt thread");
	else
		guest_result(ck, true,
			"interrupt reached the callback on the EAL interrupt thread (%s, within %llu ms)",
			ck->msix ? "MSI-X" : "INTx",
			(unsigned long long)(guest_now_ms() - since_ms));
}

/* The device reads a frame (DMA from memory) and completes it (DMA into
 * the used ring); the kernel peer receives it. */
static void
check_tx(struct guest_check *ck, int peer_fd, const uint8_t dst[6],
	const uint8_t src[6])
{
	uint8_t *buf = buffer_va(ck, 1), frame[GUEST_FRAME_LEN];
	uint64_t start;
	uint32_t len;

	build_frame(frame, dst, src, "pollux guest check: tx");
	memset(buf, 0, ck->net_hdr_len);
	memcpy(buf + ck->net_hdr_len, frame, sizeof(frame));
	atomic_store(&ck->nb_interrupts, 0);
	start = guest_now_ms();
	guest_vq_add_out(&ck->txq, buffer_iova(ck, 1),
		(uint32_t)(ck->net_hdr_len + sizeof(frame)));
	ck->transport->notify(ck, &ck->txq);
	if (guest_vq_wait_used(&ck->txq, GUEST_TIMEOUT_MS, &len) != 0) {
		guest_result(ck, false,
			"tx: no completion within %u ms for the frame at IOVA 0x%llx",
			GUEST_TIMEOUT_MS,
			(unsigned long long)buffer_iova(ck, 1));
		guest_skip(ck,
			"tx interrupt and peer: the device did not complete the frame");
		return;
	}
	guest_result(ck, true,
		"tx: the device read a frame at IOVA 0x%llx and wrote the used ring",
		(unsigned long long)buffer_iova(ck, 1));
	check_interrupt(ck, start);
	if (peer_fd < 0)
		return;
	guest_result(ck,
		guest_peer_expect(peer_fd, frame, sizeof(frame),
			GUEST_TIMEOUT_MS) == 0,
		"tx: the kernel peer received that frame");
}

static bool
rx_matches(struct guest_check *ck, const uint8_t *frame, uint32_t len)
{
	return len >= ck->net_hdr_len + GUEST_FRAME_LEN &&
		memcmp(buffer_va(ck, 0) + ck->net_hdr_len, frame,
			GUEST_FRAME_LEN) == 0;
}

/* The kernel peer sends; the device writes the frame into the rx buffer.
 * Other frames on the hub (none are expected) are skipped, at most 8. */
static void
check_rx(struct guest_check *ck, int peer_fd, const uint8_t peer_mac[6],
	const uint8_t mac[6])
{
	uint8_t frame[GUEST_FRAME_LEN];
	unsigned int nb_other = 0;
	uint64_t start, end;
	uint32_t len = 0;

	build_frame(frame, mac, peer_mac, "pollux guest check: rx");
	atomic_store(&ck->nb_interrupts, 0);
	start = guest_now_ms();
	end = start + GUEST_TIMEOUT_MS;
	if (guest_peer_send(peer_fd, frame, sizeof(frame)) != 0) {
		guest_result(ck, false, "rx: the kernel peer could not send");
		return;
	}
	while (guest_vq_wait_used(&ck->rxq,
		       (unsigned int)(end - RTE_MIN(end, guest_now_ms())),
		       &len) == 0 &&
		!rx_matches(ck, frame, len) && ++nb_other < 8) {
		guest_vq_add_in(&ck->rxq, buffer_iova(ck, 0), GUEST_BUF_SIZE);
		ck->transport->notify(ck, &ck->rxq);
		len = 0;
	}
	if (!rx_matches(ck, frame, len)) {
		guest_result(ck, false,
			"rx: the peer's frame did not arrive in the buffer at IOVA 0x%llx within %u ms (%u other frames)",
			(unsigned long long)buffer_iova(ck, 0),
			GUEST_TIMEOUT_MS, nb_other);
		guest_skip(ck, "rx interrupt: no frame received");
		return;
	}
	guest_result(ck, true,
		"rx: the device wrote the peer's frame (%u bytes) into the buffer at IOVA 0x%llx (%u other frames)",
		len, (unsigned long long)buffer_iova(ck, 0), nb_other);
	check_interrupt(ck, start);
}

void
guest_traffic_check(struct guest_check *ck, const char *peer)
{
	uint8_t mac[6], peer_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	int peer_fd = -1;

	ck->transport->read_mac(ck, mac);
	if (peer != NULL && strcmp(peer, "none") != 0) {
		peer_fd = guest_peer_open(peer, peer_mac);
		if (peer_fd < 0)
			guest_result(ck, false,
				"cannot open a packet socket on the peer %s",
				peer);
	}
	check_tx(ck, peer_fd, peer_mac, mac);
	if (peer_fd < 0) {
		guest_skip(ck, "rx: no kernel peer to send a frame");
		return;
	}
	check_rx(ck, peer_fd, peer_mac, mac);
	close(peer_fd);
}

/*
 * Behind the vIOMMU the device may reach only what the bus mapped. A frame
 * is written into the fault buffer, and the device is handed that buffer's
 * guest-physical address instead of its IOVA: what a device without an
 * IOMMU would read. The IOMMU has nothing at that address (the bus maps
 * IOVA = VA), so the read must fault (the guest kernel logs a DMAR fault for
 * that page, which the suite looks for) and the peer must not get the
 * frame. QEMU still completes the descriptor, with whatever it read.
 */
void
guest_dma_fault_check(struct guest_check *ck, const char *peer)
{
	uint8_t *buf = buffer_va(ck, 2), frame[GUEST_FRAME_LEN];
	uint8_t mac[6], peer_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	phys_addr_t pa = rte_mem_virt2phy(buf);
	int peer_fd = -1;
	uint32_t len;

	if (pa == RTE_BAD_PHYS_ADDR) {
		guest_result(ck, false,
			"dma fault: no physical address for the fault buffer");
		return;
	}
	if (peer != NULL && strcmp(peer, "none") != 0)
		peer_fd = guest_peer_open(peer, peer_mac);
	ck->transport->read_mac(ck, mac);
	build_frame(frame, peer_mac, mac, "pollux guest check: dma fault");
	memset(buf, 0, ck->net_hdr_len);
	memcpy(buf + ck->net_hdr_len, frame, sizeof(frame));
	printf("DMA-FAULT-IOVA 0x%llx\n",
		(unsigned long long)(pa & ~(uint64_t)0xfff));
	fflush(stdout);
	guest_vq_add_out(&ck->txq, pa,
		(uint32_t)(ck->net_hdr_len + sizeof(frame)));
	ck->transport->notify(ck, &ck->txq);
	printf("  dma fault: buffer IOVA 0x%llx, handed to the device as 0x%llx: %s\n",
		(unsigned long long)buffer_iova(ck, 2), (unsigned long long)pa,
		guest_vq_wait_used(&ck->txq, 1000, &len) == 0 ?
			"completed" :
			"not completed");
	if (peer_fd < 0) {
		guest_skip(ck, "dma fault: no kernel peer to watch");
		return;
	}
	guest_result(ck,
		guest_peer_expect(peer_fd, frame, sizeof(frame), 1500) != 0,
		"dma fault: the frame at guest-physical 0x%llx (outside the IOMMU mapping) never reached the peer",
		(unsigned long long)pa);
	close(peer_fd);
}

void
guest_traffic_teardown(struct guest_check *ck)
{
	if (ck->mz != NULL && rte_memzone_free(ck->mz) != 0)
		guest_result(ck, false, "rte_memzone_free failed");
	ck->mz = NULL;
}
