/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Calls every inline function of the ring headers, so that compiling this
 * file (as C and as C++, see ring_headers.sh) checks their bodies and not
 * only their declarations. It is compiled, never run.
 */
#include <rte_ring.h>
#include <rte_ring_elem.h>

unsigned int
pollux_ring_use_ptr(struct rte_ring *r, void **objs, unsigned int n);
unsigned int
pollux_ring_use_elem(struct rte_ring *r, void *objs, unsigned int n);
int pollux_ring_use_misc(struct rte_ring *r, void *obj);
unsigned int
pollux_ring_use_peek(struct rte_ring *r, void **objs, unsigned int n);

unsigned int
pollux_ring_use_ptr(struct rte_ring *r, void **objs, unsigned int n)
{
	unsigned int fs = 0, av = 0, t = 0;

	t += rte_ring_enqueue_bulk(r, objs, n, &fs);
	t += rte_ring_sp_enqueue_bulk(r, objs, n, &fs);
	t += rte_ring_mp_enqueue_bulk(r, objs, n, NULL);
	t += rte_ring_enqueue_burst(r, objs, n, &fs);
	t += rte_ring_sp_enqueue_burst(r, objs, n, &fs);
	t += rte_ring_mp_enqueue_burst(r, objs, n, NULL);
	t += rte_ring_dequeue_bulk(r, objs, n, &av);
	t += rte_ring_sc_dequeue_bulk(r, objs, n, &av);
	t += rte_ring_mc_dequeue_bulk(r, objs, n, NULL);
	t += rte_ring_dequeue_burst(r, objs, n, &av);
	t += rte_ring_sc_dequeue_burst(r, objs, n, &av);
	t += rte_ring_mc_dequeue_burst(r, objs, n, NULL);
	t += rte_ring_mp_rts_enqueue_bulk(r, objs, n, &fs);
	t += rte_ring_mp_rts_enqueue_burst(r, objs, n, &fs);
	t += rte_ring_mc_rts_dequeue_bulk(r, objs, n, &av);
	t += rte_ring_mc_rts_dequeue_burst(r, objs, n, &av);
	t += rte_ring_mp_hts_enqueue_bulk(r, objs, n, &fs);
	t += rte_ring_mp_hts_enqueue_burst(r, objs, n, &fs);
	t += rte_ring_mc_hts_dequeue_bulk(r, objs, n, &av);
	t += rte_ring_mc_hts_dequeue_burst(r, objs, n, &av);
	t += (unsigned int)rte_ring_enqueue(r, objs[0]);
	t += (unsigned int)rte_ring_sp_enqueue(r, objs[0]);
	t += (unsigned int)rte_ring_mp_enqueue(r, objs[0]);
	t += (unsigned int)rte_ring_dequeue(r, objs);
	t += (unsigned int)rte_ring_sc_dequeue(r, objs);
	t += (unsigned int)rte_ring_mc_dequeue(r, objs);
	return t + fs + av;
}

unsigned int
pollux_ring_use_elem(struct rte_ring *r, void *objs, unsigned int n)
{
	unsigned int fs = 0, av = 0, t = 0;

	t += rte_ring_enqueue_bulk_elem(r, objs, 20, n, &fs);
	t += rte_ring_sp_enqueue_bulk_elem(r, objs, 16, n, &fs);
	t += rte_ring_mp_enqueue_bulk_elem(r, objs, 4, n, NULL);
	t += rte_ring_enqueue_burst_elem(r, objs, 8, n, &fs);
	t += rte_ring_sp_enqueue_burst_elem(r, objs, 32, n, &fs);
	t += rte_ring_mp_enqueue_burst_elem(r, objs, 12, n, NULL);
	t += rte_ring_dequeue_bulk_elem(r, objs, 20, n, &av);
	t += rte_ring_sc_dequeue_bulk_elem(r, objs, 16, n, &av);
	t += rte_ring_mc_dequeue_bulk_elem(r, objs, 4, n, NULL);
	t += rte_ring_dequeue_burst_elem(r, objs, 8, n, &av);
	t += rte_ring_sc_dequeue_burst_elem(r, objs, 32, n, &av);
	t += rte_ring_mc_dequeue_burst_elem(r, objs, n * 4, n, NULL);
	t += rte_ring_mp_rts_enqueue_bulk_elem(r, objs, 16, n, &fs);
	t += rte_ring_mp_rts_enqueue_burst_elem(r, objs, 16, n, &fs);
	t += rte_ring_mc_rts_dequeue_bulk_elem(r, objs, 16, n, &av);
	t += rte_ring_mc_rts_dequeue_burst_elem(r, objs, 16, n, &av);
	t += rte_ring_mp_hts_enqueue_bulk_elem(r, objs, 8, n, &fs);
	t += rte_ring_mp_hts_enqueue_burst_elem(r, objs, 8, n, &fs);
	t += rte_ring_mc_hts_dequeue_bulk_elem(r, objs, 8, n, &av);
	t += rte_ring_mc_hts_dequeue_burst_elem(r, objs, 8, n, &av);
	t += (unsigned int)rte_ring_enqueue_elem(r, objs, 16);
	t += (unsigned int)rte_ring_sp_enqueue_elem(r, objs, 16);
	t += (unsigned int)rte_ring_mp_enqueue_elem(r, objs, 16);
	t += (unsigned int)rte_ring_dequeue_elem(r, objs, 16);
	t += (unsigned int)rte_ring_sc_dequeue_elem(r, objs, 16);
	t += (unsigned int)rte_ring_mc_dequeue_elem(r, objs, 16);
	return t + fs + av;
}

int
pollux_ring_use_misc(struct rte_ring *r, void *obj)
{
	int t = 0;

	t += (int)rte_ring_count(r) + (int)rte_ring_free_count(r);
	t += rte_ring_full(r) + rte_ring_empty(r);
	t += (int)rte_ring_get_size(r) + (int)rte_ring_get_capacity(r);
	t += (int)rte_ring_get_prod_sync_type(r);
	t += (int)rte_ring_get_cons_sync_type(r);
	t += rte_ring_is_prod_single(r) + rte_ring_is_cons_single(r);
	t += (int)rte_ring_get_prod_htd_max(r);
	t += (int)rte_ring_get_cons_htd_max(r);
	t += rte_ring_set_prod_htd_max(r, 4) + rte_ring_set_cons_htd_max(r, 4);
	t += rte_ring_init(r, "x", 64, RING_F_SP_ENQ | RING_F_SC_DEQ);
	rte_ring_reset(r);
	rte_ring_dump(stdout, r);
	rte_ring_list_dump(stdout);
	rte_ring_free(rte_ring_lookup("x"));
	rte_ring_free(rte_ring_create("y", 64, SOCKET_ID_ANY, RING_F_EXACT_SZ));
	rte_ring_free(rte_ring_create_elem("z", 16, 64, SOCKET_ID_ANY, 0));
	t += (int)rte_ring_get_memsize(64) +
		(int)rte_ring_get_memsize_elem(8, 64);
	(void)obj;
	return t;
}

unsigned int
pollux_ring_use_peek(struct rte_ring *r, void **objs, unsigned int n)
{
	struct rte_ring_zc_data zcd;
	unsigned int fs = 0, av = 0, t = 0;

	t += rte_ring_enqueue_bulk_start(r, n, &fs);
	rte_ring_enqueue_finish(r, objs, t);
	t += rte_ring_enqueue_burst_start(r, n, NULL);
	t += rte_ring_enqueue_bulk_elem_start(r, n, &fs);
	t += rte_ring_enqueue_burst_elem_start(r, n, &fs);
	rte_ring_enqueue_elem_finish(r, objs, 16, 0);
	t += rte_ring_dequeue_bulk_start(r, objs, n, &av);
	t += rte_ring_dequeue_burst_start(r, objs, n, NULL);
	t += rte_ring_dequeue_bulk_elem_start(r, objs, 8, n, &av);
	t += rte_ring_dequeue_burst_elem_start(r, objs, 8, n, &av);
	rte_ring_dequeue_finish(r, 0);
	rte_ring_dequeue_elem_finish(r, 0);
	t += rte_ring_enqueue_zc_bulk_start(r, n, &zcd, &fs);
	t += rte_ring_enqueue_zc_burst_start(r, n, &zcd, NULL);
	t += rte_ring_enqueue_zc_bulk_elem_start(r, 16, n, &zcd, &fs);
	t += rte_ring_enqueue_zc_burst_elem_start(r, 16, n, &zcd, &fs);
	rte_ring_enqueue_zc_finish(r, 0);
	rte_ring_enqueue_zc_elem_finish(r, 0);
	t += rte_ring_dequeue_zc_bulk_start(r, n, &zcd, &av);
	t += rte_ring_dequeue_zc_burst_start(r, n, &zcd, NULL);
	t += rte_ring_dequeue_zc_bulk_elem_start(r, 16, n, &zcd, &av);
	t += rte_ring_dequeue_zc_burst_elem_start(r, 16, n, &zcd, &av);
	rte_ring_dequeue_zc_finish(r, 0);
	rte_ring_dequeue_zc_elem_finish(r, 0);
	return t + fs + av;
}
