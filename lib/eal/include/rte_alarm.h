/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * One-shot alarms: a callback run on the EAL interrupt thread once a
 * delay has passed. One timerfd, armed for the earliest deadline, serves
 * all alarms; they run in deadline order (equal deadlines in the order
 * they were set). Needs an initialised EAL.
 */
#ifndef _RTE_ALARM_H_
#define _RTE_ALARM_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An alarm callback. */
typedef void (*rte_eal_alarm_callback)(void *arg);

/**
 * Runs cb(cb_arg) once, no sooner than us microseconds from now (and
 * soon after that). A callback may set new alarms, itself included.
 *
 * @return 0; -EINVAL (us is 0 or above UINT64_MAX - 1000000, or cb is
 *   NULL), -ENOMEM, or -ENODEV when the EAL is not initialised.
 */
int rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb, void *cb_arg);

/**
 * Cancels the pending alarms with callback cb_fn and argument cb_arg
 * ((void *)-1: any argument). Called from another thread while a
 * matching alarm runs, it waits for that alarm to return. Called from
 * the running alarm's own callback, it cannot cancel that one.
 *
 * @return the number cancelled, with rte_errno untouched when > 0;
 *   rte_errno EINPROGRESS when the caller's own running alarm matched
 *   (the others are still cancelled and counted); 0 with rte_errno ENOENT
 *   when nothing matched; -1 with rte_errno EINVAL when cb_fn is NULL.
 */
int rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ALARM_H_ */
