/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Interrupts: one EAL control thread ("eal-intr-thread") waits on epoll
 * for every registered interrupt source and runs its callbacks. A source
 * is an fd (a UIO device, a VFIO eventfd, an eventfd or socket of a
 * virtual device, the alarm timerfd) held in an opaque interrupt handle.
 *
 * Threading: callbacks run on the interrupt thread only, one at a time,
 * never on an lcore. Callbacks may be registered and unregistered from
 * any thread, also from inside a callback: rte_intr_callback_unregister()
 * on a source whose callbacks are running returns -EAGAIN (retry, or use
 * rte_intr_callback_unregister_pending() from inside the callback).
 *
 * The second half of the file is for drivers: the Rx/Tx interrupt vectors
 * (event fds) that ethdev's Rx-interrupt mode builds on.
 */
#ifndef _RTE_INTERRUPTS_H_
#define _RTE_INTERRUPTS_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_bitops.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_epoll.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque interrupt handle: rte_intr_instance_alloc() and accessors. */
struct rte_intr_handle;

/** Handle memory from the process heap. */
#define RTE_INTR_INSTANCE_F_PRIVATE UINT32_C(0)
/** Handle memory from rte_malloc (needs an initialised EAL). */
#define RTE_INTR_INSTANCE_F_SHARED RTE_BIT32(0)

/** Most Rx/Tx interrupt vectors of one handle. */
#define RTE_MAX_RXTX_INTR_VEC_ID 512
/** Vector of the device's other causes (link state, mailbox). */
#define RTE_INTR_VEC_ZERO_OFFSET 0
/** First vector of the queues. */
#define RTE_INTR_VEC_RXTX_OFFSET 1

/** Kinds of handles. */
enum rte_intr_handle_type {
	RTE_INTR_HANDLE_UNKNOWN = 0, /**< not set */
	RTE_INTR_HANDLE_UIO,	     /**< /dev/uioX (igb_uio) */
	RTE_INTR_HANDLE_UIO_INTX,    /**< /dev/uioX (uio_pci_generic) */
	RTE_INTR_HANDLE_VFIO_LEGACY, /**< VFIO INTx */
	RTE_INTR_HANDLE_VFIO_MSI,    /**< VFIO MSI */
	RTE_INTR_HANDLE_VFIO_MSIX,   /**< VFIO MSI-X */
	RTE_INTR_HANDLE_ALARM,	     /**< the alarm timerfd */
	RTE_INTR_HANDLE_EXT,	     /**< any fd owned by the caller */
	RTE_INTR_HANDLE_VDEV,	     /**< fd of a virtual device */
	RTE_INTR_HANDLE_DEV_EVENT,   /**< device event socket */
	RTE_INTR_HANDLE_VFIO_REQ,    /**< VFIO device request */
	RTE_INTR_HANDLE_MAX	     /**< number of kinds */
};

/** An interrupt callback. */
typedef void (*rte_intr_callback_fn)(void *cb_arg);

/** Run once a pending unregistration completes (to close fds, free arg). */
typedef void (
	*rte_intr_unregister_callback_fn)(struct rte_intr_handle *intr_handle,
	void *cb_arg);

/**
 * Adds cb(cb_arg) to the callbacks of the handle's fd; several may be
 * registered for one fd, and they run in order of registration each time
 * the fd becomes readable (or reports an error or hang-up).
 *
 * For UIO, VFIO and alarm handles the interrupt thread first reads the
 * fd's counter; for EXT and VDEV handles the callback must drain the fd
 * itself (it is level-triggered).
 *
 * @return 0; -EINVAL (NULL handle or cb, fd < 0) or -ENOMEM, with one
 *   error line.
 */
int rte_intr_callback_register(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb, void *cb_arg);

/**
 * Removes the callbacks cb with cb_arg (any argument when cb_arg is
 * (void *)-1) of the handle's fd.
 *
 * @return the number removed (>= 0); -EINVAL (bad arguments), -ENOENT
 *   (nothing registered for that fd), -EAGAIN (the fd's callbacks are
 *   running now, for example when called from one of them).
 */
int rte_intr_callback_unregister(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb, void *cb_arg);

/**
 * From inside a running callback of the handle's fd: marks the matching
 * callbacks for removal once the running ones return; ucb_fn (optional)
 * is then called with each removed callback's argument.
 *
 * @return the number marked; -EINVAL, -ENOENT, or -EAGAIN when the fd's
 *   callbacks are not running (use rte_intr_callback_unregister()).
 */
int
rte_intr_callback_unregister_pending(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb_fn, void *cb_arg,
	rte_intr_unregister_callback_fn ucb_fn);

/**
 * rte_intr_callback_unregister(), retried while it returns -EAGAIN. Must
 * not be called from a callback of the same fd (it would wait forever).
 */
__rte_experimental int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb, void *cb_arg);

/**
 * Enables the interrupt: for UIO and VFIO handles the device's interrupt
 * is unmasked; for EXT and VDEV handles the interrupt thread watches the
 * fd again after rte_intr_disable().
 *
 * @return 0, or a negative value (-EINVAL for a bad or unknown handle,
 *   -errno of the failed system call).
 */
int rte_intr_enable(const struct rte_intr_handle *intr_handle);

/**
 * Disables the interrupt: the device's interrupt is masked (UIO, VFIO),
 * or the interrupt thread stops watching the fd (EXT, VDEV) while the
 * callbacks stay registered.
 *
 * @return 0 or a negative value, as rte_intr_enable().
 */
int rte_intr_disable(const struct rte_intr_handle *intr_handle);

/**
 * Acknowledges an interrupt at the end of its handling so that the next
 * one can come (unmasks a UIO or VFIO INTx interrupt; nothing to do for
 * the others).
 *
 * @return 0 or a negative value.
 */
int rte_intr_ack(const struct rte_intr_handle *intr_handle);

/** Non-zero when called on the interrupt thread (inside a callback). */
int rte_thread_is_intr(void);

/**
 * Allocates a handle: fd and dev_fd -1, type RTE_INTR_HANDLE_UNKNOWN,
 * room for RTE_MAX_RXTX_INTR_VEC_ID event fds.
 *
 * @param flags RTE_INTR_INSTANCE_F_PRIVATE or _SHARED.
 * @return the handle, or NULL with rte_errno EINVAL (unknown flag) or
 *   ENOMEM.
 */
__rte_experimental struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags);

/** Frees a handle and its vector list (not its fds). NULL is fine. */
__rte_experimental void
rte_intr_instance_free(struct rte_intr_handle *intr_handle);

/** Sets the handle's fd: 0, or -EINVAL (rte_errno EINVAL) for NULL. */
__rte_experimental int
rte_intr_fd_set(struct rte_intr_handle *intr_handle, int fd);

/** The handle's fd, or -1 (rte_errno EINVAL) for NULL. */
__rte_experimental int
rte_intr_fd_get(const struct rte_intr_handle *intr_handle);

/** Sets the type: 0, or -EINVAL for NULL or an unknown type. */
__rte_experimental int rte_intr_type_set(struct rte_intr_handle *intr_handle,
	enum rte_intr_handle_type type);

/** The type; RTE_INTR_HANDLE_UNKNOWN for NULL. */
__rte_experimental enum rte_intr_handle_type
rte_intr_type_get(const struct rte_intr_handle *intr_handle);

/*
 * For drivers and ethdev (DPDK marks these internal).
 *
 * A handle has a table of event fds (efds[]), one per Rx/Tx interrupt
 * vector, and beside each an rte_epoll_event (elist[]) for its epoll
 * registration. nb_efd is the number of vectors in use, max_intr that
 * number plus the vectors of other causes; intr_vec[] maps queues to
 * vectors.
 */

/** The calling thread's own epoll fd (created on first use), or -1. */
__rte_internal int rte_intr_tls_epfd(void);

/**
 * Adds (RTE_INTR_EVENT_ADD) or removes (RTE_INTR_EVENT_DEL) the event fd
 * of vector vec (vec - RTE_INTR_VEC_RXTX_OFFSET indexes efds[]) to or from
 * epfd. data comes back in rte_epoll_event.epdata.data; rte_epoll_wait()
 * drains the event fd before returning it.
 *
 * @return 0; -EPERM (no such vector, wrong op, already added or not
 *   added, epoll failure); -EEXIST when already added.
 */
__rte_internal int rte_intr_rx_ctl(struct rte_intr_handle *intr_handle,
	int epfd, int op, unsigned int vec, void *data);

/** Removes every vector's event fd from the epoll instance it is in. */
__rte_internal void rte_intr_free_epoll_fd(struct rte_intr_handle *intr_handle);

/**
 * Prepares nb_efd vectors: for VFIO MSI-X, one new eventfd each; for
 * VDEV, the driver fills efds[] itself (the counter size is checked);
 * for other types, the handle's own fd is the one shared vector.
 *
 * @return 0; -EINVAL (NULL, nb_efd 0 or above the handle's capacity),
 *   -errno of eventfd().
 */
__rte_internal int
rte_intr_efd_enable(struct rte_intr_handle *intr_handle, uint32_t nb_efd);

/** Undoes rte_intr_efd_enable(): unregisters and closes what it made. */
__rte_internal void rte_intr_efd_disable(struct rte_intr_handle *intr_handle);

/** Non-zero when the handle has Rx/Tx interrupt vectors (nb_efd > 0). */
__rte_internal int rte_intr_dp_is_en(struct rte_intr_handle *intr_handle);

/** Non-zero when a vector is left for other causes. */
__rte_internal int rte_intr_allow_others(struct rte_intr_handle *intr_handle);

/** Non-zero when the handle supports one vector per queue. */
__rte_internal int rte_intr_cap_multiple(struct rte_intr_handle *intr_handle);

/** A copy of src (fds are shared, not duplicated); NULL and rte_errno. */
__rte_internal struct rte_intr_handle *
rte_intr_instance_dup(const struct rte_intr_handle *src);

/*
 * Accessors. A setter returns 0, or a negative errno (and sets rte_errno)
 * for a NULL handle or a value out of range (ERANGE). A getter returns
 * the value, or a negative errno (and sets rte_errno).
 */
__rte_internal int
rte_intr_dev_fd_set(struct rte_intr_handle *intr_handle, int fd);
__rte_internal int
rte_intr_dev_fd_get(const struct rte_intr_handle *intr_handle);
__rte_internal int
rte_intr_max_intr_set(struct rte_intr_handle *intr_handle, int max_intr);
__rte_internal int
rte_intr_max_intr_get(const struct rte_intr_handle *intr_handle);
__rte_internal int
rte_intr_nb_efd_set(struct rte_intr_handle *intr_handle, int nb_efd);
__rte_internal int
rte_intr_nb_efd_get(const struct rte_intr_handle *intr_handle);
__rte_internal int
rte_intr_nb_intr_get(const struct rte_intr_handle *intr_handle);
__rte_internal int
rte_intr_efd_counter_size_set(struct rte_intr_handle *intr_handle,
	uint8_t efd_counter_size);
__rte_internal int
rte_intr_efd_counter_size_get(const struct rte_intr_handle *intr_handle);
__rte_internal int
rte_intr_efds_index_set(struct rte_intr_handle *intr_handle, int index, int fd);
__rte_internal int
rte_intr_efds_index_get(const struct rte_intr_handle *intr_handle, int index);
__rte_internal int rte_intr_elist_index_set(struct rte_intr_handle *intr_handle,
	int index, struct rte_epoll_event elist);
/** The registration of vector index, NULL (rte_errno) if out of range. */
__rte_internal struct rte_epoll_event *
rte_intr_elist_index_get(struct rte_intr_handle *intr_handle, int index);

/**
 * Allocates the queue-to-vector table with size zeroed entries (a no-op
 * when it exists). @return 0, or -EINVAL/-ERANGE/-ENOMEM.
 */
__rte_internal int rte_intr_vec_list_alloc(struct rte_intr_handle *intr_handle,
	const char *name, int size);
__rte_internal int
rte_intr_vec_list_index_set(struct rte_intr_handle *intr_handle, int index,
	int vec);
__rte_internal int
rte_intr_vec_list_index_get(const struct rte_intr_handle *intr_handle,
	int index);
__rte_internal void rte_intr_vec_list_free(struct rte_intr_handle *intr_handle);

/**
 * Resizes efds[] and elist[] to size vectors (a device with more vectors
 * than RTE_MAX_RXTX_INTR_VEC_ID). @return 0, or -EINVAL/-ENOMEM.
 */
__rte_internal int
rte_intr_event_list_update(struct rte_intr_handle *intr_handle, int size);

/**
 * Pollux: makes a VFIO MSI-X handle whose vectors are fds the bus already
 * holds (the FIFOs of a fake PCI device, doc/testing.md): vector 0 is the
 * handle's fd, efds[0..nb_efd-1] the Rx/Tx vectors. rte_intr_efd_enable()
 * then takes up to nb_efd of them instead of creating eventfds, and
 * rte_intr_enable()/rte_intr_disable() watch or stop watching the fd.
 *
 * @return 0, or -EINVAL (NULL handle, not VFIO MSI-X, nb_efd out of range).
 */
__rte_internal int
rte_intr_fixed_vectors_set(struct rte_intr_handle *intr_handle, const int *efds,
	int nb_efd);

/** Windows only: NULL on Linux. */
__rte_internal void *
rte_intr_instance_windows_handle_get(struct rte_intr_handle *intr_handle);

/** Windows only: -ENOTSUP on Linux. */
__rte_internal int
rte_intr_instance_windows_handle_set(struct rte_intr_handle *intr_handle,
	void *windows_handle);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_INTERRUPTS_H_ */
