/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Device classes ("eth", ...): the part of a device string after "class="
 * names one. A library registers its class from a constructor with
 * RTE_REGISTER_CLASS; the EAL keeps the list.
 */
#ifndef _RTE_CLASS_H_
#define _RTE_CLASS_H_

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_dev.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A device class. */
struct rte_class {
	RTE_TAILQ_ENTRY(rte_class) next; /**< list link (EAL-owned) */
	const char *name;		 /**< set by RTE_REGISTER_CLASS */
	rte_dev_iterate_t dev_iterate;	 /**< the class's devices */
};

/** 0 when cls is the class looked for (data is the caller's). */
typedef int (*rte_class_cmp_t)(const struct rte_class *cls, const void *data);

/**
 * The first class after start (from the first when start is NULL) for
 * which cmp(cls, data) is 0, or NULL (also for a NULL cmp).
 */
__rte_experimental struct rte_class *
rte_class_find(const struct rte_class *start, rte_class_cmp_t cmp,
	const void *data);

/** The class called name, or NULL. */
__rte_experimental struct rte_class *rte_class_find_by_name(const char *name);

/** Adds a class (needs a name; registering twice does nothing). */
__rte_experimental void rte_class_register(struct rte_class *cls);

/** Takes a class off the list (a no-op if it is not on it). */
__rte_experimental void rte_class_unregister(struct rte_class *cls);

/** Registers cls (a struct rte_class variable) as nm from a constructor. */
#define RTE_REGISTER_CLASS(nm, cls) \
	RTE_INIT_PRIO(classinitfn_##nm, CLASS) \
	{ \
		(cls).name = RTE_STR(nm); \
		rte_class_register(&cls); \
	}

/** Unregisters cls when the object holding it is unloaded. */
#define RTE_UNREGISTER_CLASS(nm, cls) \
	RTE_FINI_PRIO(classfinifn_##nm, CLASS) \
	{ \
		rte_class_unregister(&cls); \
	}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CLASS_H_ */
