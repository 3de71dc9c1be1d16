/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A model of the Intel 82599 (82599ES SFP+, 8086:10FB) presented as a fake
 * PCI device (doc/testing.md, "The fake PCI device contract" and "The 82599
 * model"). Written from the datasheet's facts alone, independent of any PMD.
 *
 * The shared library (libpollux_ixgbe_model.so) starts the model from a
 * constructor with the configuration in $POLLUX_IXGBE_MODEL; tests that link
 * the static library call ixgbe_model_start() themselves.
 *
 * Configuration: comma-separated key=value pairs
 *   ports=N          number of ports (1..8, default 2)
 *   wire=loop        port 2k and 2k+1 are cabled to each other (default)
 *   wire=pcap        each port's tx appends to tx_pcap, rx replays rx_pcap
 *   rx_pcap=FILE     frames the port receives (wire=pcap); "%u" = port
 *   tx_pcap=FILE     where the port's frames go (wire=pcap); "%u" = port
 *   queues=N         rx/tx queues the model serves per port (1..64, 16)
 *   vectors=N        MSI-X vectors (1..16, default 16)
 *   link_delay_ms=N  auto-negotiation time before LINKS.UP (default 20)
 *   qstats=rc|plain  per-queue counters clear on read (default rc) or not
 *   dir=PATH         build the tree in PATH (must not exist; removed at the
 *                    end) instead of a new directory under $TMPDIR or /tmp
 *
 * The tree's root (dir=, or the parent of $POLLUX_SYSFS_PCI) holds a FIFO
 * "control" for scripts: write "cable <port> down" or "cable <port> up",
 * one command per line (see ixgbe_model_set_cable()).
 */

#ifndef IXGBE_MODEL_H
#define IXGBE_MODEL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Build the sysfs tree, set POLLUX_SYSFS_PCI and POLLUX_DEV_DIR and start
 * one device thread per port. config NULL means $POLLUX_IXGBE_MODEL, or
 * the defaults when that is unset.
 * @return 0, -EINVAL (bad configuration, one line on stderr), -EALREADY,
 *         or another -errno from building the tree.
 */
int ixgbe_model_start(const char *config);

/* Stop the threads and remove the tree. Safe to call when not started. */
void ixgbe_model_stop(void);

/* Number of ports, or 0 when the model is not running. */
unsigned int ixgbe_model_nb_ports(void);

/* PCI address of a port ("0000:42:00.0"), NULL if there is no such port. */
const char *ixgbe_model_pci_addr(unsigned int port);

/* Directory the bus scans (what POLLUX_SYSFS_PCI is set to). */
const char *ixgbe_model_sysfs_dir(void);

/* Path of a port's device directory in the tree, NULL if no such port. */
const char *ixgbe_model_device_dir(unsigned int port);

/*
 * Plug (up = 1) or pull (up = 0) the port's cable. Pulling drops the link at
 * once (LINKS.UP = 0, LSC cause); plugging brings it back after the
 * auto-negotiation delay, if the driver has restarted auto-negotiation.
 * @return 0 or -EINVAL.
 */
int ixgbe_model_set_cable(unsigned int port, int up);

/*
 * Put a frame (no FCS) on the port's wire, as if the link partner sent it:
 * it goes through the port's receive filters, RSS and rx queues.
 * @return 0 when the wire took it (it may still be filtered or missed),
 *         -EINVAL (bad port or length), -ENETDOWN (link down).
 */
int ixgbe_model_inject(unsigned int port, const void *frame, size_t len);

/*
 * Counters the model keeps for tests, independent of the clear-on-read
 * registers: frames the port put on its wire and frames that arrived.
 */
uint64_t ixgbe_model_wire_tx(unsigned int port);
uint64_t ixgbe_model_wire_rx(unsigned int port);

/*
 * Install the model's SIGSEGV and SIGTRAP handlers again (the others are
 * kept and called for faults that are not the model's). Needed after
 * something else replaced them: cmocka does around every test.
 * @return 0 or -errno.
 */
int ixgbe_model_install_traps(void);

/*
 * The Toeplitz hash of the datasheet (7.1.2.8) and of Microsoft's RSS
 * specification over input[0..len) with a 40-byte key.
 */
uint32_t
ixgbe_model_toeplitz(const uint8_t key[40], const uint8_t *input, size_t len);

#endif /* IXGBE_MODEL_H */
