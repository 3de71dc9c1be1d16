/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Running functions on worker lcores.
 *
 * Each worker lcore is a thread pinned to its CPU set. It sits in WAIT
 * until the main lcore hands it a function with rte_eal_remote_launch(),
 * is RUNNING while the function runs, and goes back to WAIT when the main
 * lcore collects the return value with rte_eal_wait_lcore().
 */
#ifndef _RTE_LAUNCH_H_
#define _RTE_LAUNCH_H_

#ifdef __cplusplus
extern "C" {
#endif

/** State of a worker lcore. */
enum rte_lcore_state_t {
	WAIT,	 /**< waiting for a function */
	RUNNING, /**< running one */
};

/** A function run on an lcore. */
typedef int(lcore_function_t)(void *);

/** Whether rte_eal_mp_remote_launch() also runs the function on main. */
enum rte_rmt_call_main_t {
	SKIP_MAIN = 0,
	CALL_MAIN,
};

/**
 * Runs f(arg) on worker lcore @p worker_id. Call from the main lcore.
 * @return 0; -EBUSY if the worker is not in WAIT; -EINVAL for an id that
 *   is not an enabled worker lcore (or the main lcore) or a NULL f.
 */
int
rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id);

/**
 * Runs f(arg) on every worker lcore and, with CALL_MAIN, on the main lcore
 * too (after the workers started). @return 0, or -EBUSY (nothing launched)
 * when a worker is not in WAIT.
 */
int rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
	enum rte_rmt_call_main_t call_main);

/** The state of a worker lcore (WAIT for an invalid id). */
enum rte_lcore_state_t rte_eal_get_lcore_state(unsigned int worker_id);

/**
 * Waits for worker @p worker_id to finish its function and returns the
 * function's return value; 0 if the worker was in WAIT.
 */
int rte_eal_wait_lcore(unsigned int worker_id);

/** rte_eal_wait_lcore() on every worker lcore. */
void rte_eal_mp_wait_lcore(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LAUNCH_H_ */
