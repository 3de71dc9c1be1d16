/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internal state of the 82599 model, shared by its files:
 *   model_config.c  configuration string
 *   model_tree.c    fake sysfs tree, config space, FIFOs
 *   model_device.c  start/stop, device threads, reset, link, test controls
 *   model_rx.c      receive: filters, queue choice, DMA, write-back
 *   model_tx.c      transmit: descriptor fetch, DMA, write-back
 *   model_rss.c     packet parsing and the Toeplitz hash
 *   model_stats.c   statistics counters (clear-on-read)
 *   model_trap.c    mmap() interposition and the read/write traps
 *   model_intr.c    interrupt causes, masks and delivery to the FIFOs
 *   model_wire.c    the cable: port to port, or pcap files
 *   model_control.c the control FIFO for scripts
 *
 * Register views: the model maps resource0 itself (port->regs) and never
 * protects that view; the application's mapping (found by interposing
 * mmap()) is the one whose pages are protected to trap side effects.
 */

#ifndef IXGBE_MODEL_INTERNAL_H
#define IXGBE_MODEL_INTERNAL_H

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "model_regs.h"

#define MODEL_MAX_PORTS	  8
#define MODEL_MAX_QUEUES  64
#define MODEL_MAX_VECTORS 16
#define MODEL_MAX_FRAME	  16384 /* 15.5 KB jumbo frames and some slack */

enum model_wire_kind {
	MODEL_WIRE_LOOP,
	MODEL_WIRE_PCAP,
};

struct model_config {
	char dir[PATH_MAX / 2 - 64];
	unsigned int nb_ports;
	enum model_wire_kind wire;
	char rx_pcap[PATH_MAX];
	char tx_pcap[PATH_MAX];
	unsigned int nb_queues;
	unsigned int nb_vectors;
	unsigned int link_delay_ms;
	int qstats_rc;
};

struct model_pcap_in {
	FILE *file;
	int swapped;
	int have_frame;
	uint32_t frame_len;
	uint8_t frame[MODEL_MAX_FRAME];
};

struct model_port {
	unsigned int index;
	char pci_addr[32];
	char dir[PATH_MAX + 64];
	uint8_t mac[6];

	int bar_fd;
	volatile uint8_t *regs; /* the model's own view of BAR0 */
	dev_t bar_dev;
	ino_t bar_ino;

	int uio_fd;
	uint32_t uio_count;
	int msix_fd[MODEL_MAX_VECTORS];

	pthread_t thread;
	int thread_started;
	atomic_int lock;	 /* trap lock: EICR/EIMS/counters */
	pthread_mutex_t rx_lock; /* one frame at a time into the rx rings */
	struct model_port *peer;

	/* Reset and link state, owned by the device thread. */
	int reset_phase; /* 0 idle, 1 RST visible, 2 EEPROM read */
	uint64_t reset_deadline_ns;
	atomic_int cable;
	int an_requested;
	int link_up;
	uint64_t link_up_at_ns;
	uint32_t srrctl_seen[16];
	uint32_t srrctl_alias_seen[16];

	/* Transmit scratch (device thread only) */
	uint8_t tx_frame[MODEL_MAX_FRAME + 64];

	struct model_pcap_in pcap_in;
	FILE *pcap_out;

	atomic_uint_fast64_t wire_tx;
	atomic_uint_fast64_t wire_rx;
};

struct model {
	struct model_config config;
	char root[PATH_MAX / 2];
	char sysfs_dir[PATH_MAX];
	char dev_dir[PATH_MAX];
	struct model_port ports[MODEL_MAX_PORTS];
	atomic_int running;
	atomic_int stopping;
	pid_t owner;
	int control_fd;
	int control_keep_fd;
};

extern struct model model_state;

/* Register access through the model's view. */
static inline uint32_t
mreg_read(const struct model_port *port, uint32_t offset)
{
	return __atomic_load_n((volatile uint32_t *)(port->regs + offset),
		__ATOMIC_ACQUIRE);
}

static inline void
mreg_write(struct model_port *port, uint32_t offset, uint32_t value)
{
	__atomic_store_n((volatile uint32_t *)(port->regs + offset), value,
		__ATOMIC_RELEASE);
}

/* The trap lock: short critical sections, also taken in signal handlers. */
static inline void
model_lock(struct model_port *port)
{
	int expected = 0;

	while (!atomic_compare_exchange_weak_explicit(&port->lock, &expected, 1,
		memory_order_acquire, memory_order_relaxed)) {
		expected = 0;
		__builtin_ia32_pause();
	}
}

static inline void
model_unlock(struct model_port *port)
{
	atomic_store_explicit(&port->lock, 0, memory_order_release);
}

uint64_t model_now_ns(void);

/* model_config.c */
int model_config_parse(const char *text, struct model_config *config);

/* model_tree.c */
int model_tree_create(struct model *model);
void model_tree_remove(struct model *model);

/* model_control.c */
int model_control_open(struct model *model);
void model_control_close(struct model *model);
void model_control_poll(struct model *model);

/* model_device.c */
void model_device_reset(struct model_port *port);
int model_link_is_up(struct model_port *port);

/* model_rx.c: frame without FCS; returns 0 (taken, filtered or missed) or
 * -EAGAIN when wait_for_room is set and the ring has no room. */
int model_rx_frame(struct model_port *port, const uint8_t *frame, size_t len,
	int wait_for_room);
/* Software wrote offset (trap lock held): when it is one of RAL/RAH(0..15),
 * copy the pair to its other address and return 1; else return 0. */
int model_rx_address_written_locked(struct model_port *port, uint32_t offset);

/* model_tx.c: returns the number of frames sent */
unsigned int model_tx_poll(struct model_port *port);

/* model_rss.c */
struct model_rss_result {
	uint32_t hash;
	uint32_t rss_type;
	uint32_t packet_type;
	unsigned int queue;
};
void model_rss_classify(struct model_port *port, const uint8_t *frame,
	size_t len, struct model_rss_result *result);

/* model_stats.c (callers do not hold the trap lock) */
void model_stat_add(struct model_port *port, uint32_t offset, uint32_t count);
void model_stat_add64(struct model_port *port, uint32_t low, uint32_t high,
	uint64_t count, unsigned int high_bits);
void model_stat_size_bucket(struct model_port *port, uint32_t first,
	size_t wire_len);
int model_stat_clears_on_read(uint32_t offset, int qstats_rc);

/* model_trap.c */
int model_trap_init(void);
/* mmap()/munmap() without our interposition (the model's own view). */
void *model_real_mmap(void *addr, size_t len, int prot, int flags, int fd,
	off_t offset);
int model_real_munmap(void *addr, size_t len);
void model_trap_forget_port(struct model_port *port);
uint32_t model_trap_pages(int qstats_rc, uint32_t *pages, uint32_t max);

/* model_intr.c (callers hold the trap lock for the *_locked functions) */
int model_intr_open(struct model_port *port);
void model_intr_close(struct model_port *port);
void model_intr_raise(struct model_port *port, uint32_t causes);
void model_intr_queue(struct model_port *port, unsigned int queue, int is_tx);
void model_intr_register_access_locked(struct model_port *port, uint32_t offset,
	int is_write, uint32_t before);

/* model_wire.c */
int model_wire_open(struct model_port *port);
void model_wire_close(struct model_port *port);
void model_wire_send(struct model_port *port, const uint8_t *frame, size_t len);
unsigned int model_wire_poll(struct model_port *port);

#endif /* IXGBE_MODEL_INTERNAL_H */
