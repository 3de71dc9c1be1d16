/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

#ifndef VIRTIO_LOG_H
#define VIRTIO_LOG_H

#include <inttypes.h>

#include <rte_log.h>

/* One line, prefixed with the driver's name. */
#define VIRTIO_LOG(level, fmt, ...) \
	RTE_LOG(level, PMD, "virtio: " fmt "\n", ##__VA_ARGS__)

#endif /* VIRTIO_LOG_H */
