#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# libpollux.so exports the public API and nothing else: every defined
# dynamic symbol is rte_*, __rte_* (called from inline code, as DPDK's
# __rte_panic and __rte_pktmbuf_read) or per_lcore_* (the thread-local
# variables RTE_DEFINE_PER_LCORE names, read by inline code). Lists any
# stranger and fails; also fails when the API itself is missing.
#
# usage: exports.sh LIBPOLLUX_SO
set -u
lib=${1:?usage: $0 LIBPOLLUX_SO}
command -v nm >/dev/null || { echo "SKIP: no nm (binutils)"; exit 77; }

syms=$(nm -D --defined-only "$lib" | awk '{ print $NF }' | sed 's/@.*//' |
    sort -u) || exit 1
total=$(printf '%s\n' "$syms" | grep -c .)
strangers=$(printf '%s\n' "$syms" | grep -Ev '^(rte_|__rte_|per_lcore_)')
failed=0
if [ -n "$strangers" ]; then
    echo "FAIL: $(printf '%s\n' "$strangers" | wc -l) of $total exported" \
        "symbols are not API:"
    printf '%s\n' "$strangers" | sed 's/^/    /'
    failed=1
fi
for api in rte_eal_init rte_eth_dev_configure rte_pktmbuf_pool_create \
        rte_ring_create rte_kvargs_parse rte_vdev_init per_lcore__lcore_id \
        per_lcore__rte_errno __rte_pktmbuf_read rte_pci_register \
        rte_pci_map_device rte_net_get_ptype rte_thread_register \
        rte_lcore_callback_register rte_mempool_event_callback_register \
        rte_eth_dev_vlan_filter rte_eal_vfio_intr_mode; do
    if ! printf '%s\n' "$syms" | grep -qx "$api"; then
        echo "FAIL: $api is not exported"
        failed=1
    fi
done
echo "$total symbols exported"
exit $failed
