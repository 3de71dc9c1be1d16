/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Private to the interrupt code: the layout of the opaque interrupt
 * handle, and the calls between its files.
 *
 *   eal_intr_handle.c  handle allocation and accessors
 *   eal_interrupts.c   the interrupt thread, sources and callbacks
 *   eal_intr_dev.c     enable/disable/ack for UIO and VFIO devices
 *   eal_intr_epoll.c   rte_epoll_*() and the Rx/Tx interrupt vectors
 *   eal_alarm.c        alarms on a timerfd source
 */
#ifndef EAL_INTR_H
#define EAL_INTR_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_interrupts.h>

struct rte_intr_handle {
	int fd;	    /* interrupt fd (vector 0) */
	int dev_fd; /* VFIO device fd / UIO config fd */
	enum rte_intr_handle_type type;
	uint32_t alloc_flags;	  /* RTE_INTR_INSTANCE_F_* */
	int max_intr;		  /* vectors in use, other causes included */
	uint32_t nb_efd;	  /* Rx/Tx vectors in use */
	uint8_t efd_counter_size; /* bytes to read from a VDEV event fd */
	int nb_intr;		  /* capacity of efds[] and elist[] */
	int *efds;		  /* event fd of each Rx/Tx vector */
	struct rte_epoll_event *elist; /* epoll registration of each */
	int vec_list_size;	       /* entries of intr_vec[] */
	int *intr_vec;		       /* queue -> vector */
	bool efds_owned; /* efds[] made by rte_intr_efd_enable() */
	/* VFIO_MSIX whose vectors are fds the bus supplies (a fake device,
	 * doc/testing.md): nothing to program, enable/disable (un)watch fd. */
	bool fixed_vectors;
	int nb_fixed_efd; /* Rx/Tx vectors supplied in efds[] */
};

/* Unmasks (enable) or masks the interrupt of a UIO/VFIO handle. */
int eal_intr_dev_enable(const struct rte_intr_handle *handle);
int eal_intr_dev_disable(const struct rte_intr_handle *handle);
int eal_intr_dev_ack(const struct rte_intr_handle *handle);

/* Bytes the interrupt thread reads from an fd of this type (0: none). */
unsigned int eal_intr_read_size(const struct rte_intr_handle *handle);

/* Closes the calling thread's own epoll fd, if it made one. */
void eal_intr_tls_epfd_close(void);

#endif /* EAL_INTR_H */
