/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The virtual-device bus, as applications see it: create and destroy
 * virtual devices (net_null0, net_ring0, ...) at run time, and hook extra
 * scans that add devargs for the bus.
 */
#ifndef RTE_VDEV_H
#define RTE_VDEV_H

#ifdef __cplusplus
extern "C" {
#endif

/** Called at every scan of the vdev bus, before it reads the devargs. */
typedef void (*rte_vdev_scan_callback)(void *user_arg);

/**
 * Adds a scan callback (adding the same callback and argument twice adds
 * it once).
 *
 * @return 0, or -ENOMEM.
 */
int rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg);

/**
 * Removes a scan callback; user_arg (void *)-1 removes it with any
 * argument.
 *
 * @return 0, or -ENOENT when there was none.
 */
int
rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg);

/**
 * Creates the virtual device name (for example "net_ring0") with driver
 * arguments args (may be NULL) and probes it with the driver whose name
 * (or alias) prefixes it.
 *
 * @return 0; -EINVAL (NULL name), -EFAULT (no driver is named like it),
 *   -EEXIST (a vdev of that name exists), -ENOMEM, or the driver's probe
 *   error (the device is not kept then). One error line says why.
 */
int rte_vdev_init(const char *name, const char *args);

/**
 * Removes the virtual device name: its driver's remove runs, then the
 * device and its devargs are freed.
 *
 * @return 0; -EINVAL (NULL), -ENOENT (no such vdev), -ENOTSUP (its driver
 *   cannot remove), or the driver's remove error (the device stays).
 */
int rte_vdev_uninit(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* RTE_VDEV_H */
