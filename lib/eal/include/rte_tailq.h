/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Named lists of objects (DPDK keeps its rings, mempools and the like on
 * them). A library declares a struct rte_tailq_elem with a name and
 * registers it from a constructor (EAL_REGISTER_TAILQ); the EAL gives it
 * a head, which anyone can find by name.
 *
 *   static struct rte_tailq_elem my_tailq = { .name = "MY_LIST" };
 *   EAL_REGISTER_TAILQ(my_tailq)
 *   ...
 *   struct my_list *l = RTE_TAILQ_CAST(my_tailq.head, my_list);
 */
#ifndef _RTE_TAILQ_H_
#define _RTE_TAILQ_H_

#include <stdio.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One object on a list. */
struct rte_tailq_entry {
	RTE_TAILQ_ENTRY(rte_tailq_entry) next; /**< list link */
	void *data;			       /**< the object */
};

/** The list head type that every named list uses. */
RTE_TAILQ_HEAD(rte_tailq_entry_head, rte_tailq_entry);

/** Longest list name, NUL included. */
#define RTE_TAILQ_NAMESIZE 32

/** A named list's head, owned by the EAL. */
struct rte_tailq_head {
	struct rte_tailq_entry_head tailq_head; /**< must come first */
	char name[RTE_TAILQ_NAMESIZE];
};

/** What a library registers: a name, and the head it is given. */
struct rte_tailq_elem {
	struct rte_tailq_head *head; /**< set by rte_eal_tailq_register() */
	RTE_TAILQ_ENTRY(rte_tailq_elem) next; /**< EAL-owned link */
	const char name[RTE_TAILQ_NAMESIZE];  /**< the list's name */
};

/** The list head of a tailq as a pointer to struct struct_name. */
#define RTE_TAILQ_CAST(tailq_entry, struct_name) \
	(struct struct_name *)&(tailq_entry)->tailq_head

/** The list named name as struct struct_name *, or NULL. */
#define RTE_TAILQ_LOOKUP(name, struct_name) \
	__extension__({ \
		struct rte_tailq_head *head = rte_eal_tailq_lookup(name); \
		head == NULL ? NULL : RTE_TAILQ_CAST(head, struct_name); \
	})

/** Prints every named list and how many objects it holds. */
void rte_dump_tailq(FILE *f);

/** The head of the list called name, or NULL. */
struct rte_tailq_head *rte_eal_tailq_lookup(const char *name);

/**
 * Gives t a head (t->head) under t->name.
 * @return 0; -1 when t or its name is NULL or empty, the name is taken
 *   already (a second registration fails too), or RTE_MAX_TAILQ lists
 *   exist already.
 */
int rte_eal_tailq_register(struct rte_tailq_elem *t);

/** Registers t from a constructor; a failure stops the program there. */
#define EAL_REGISTER_TAILQ(t) \
	RTE_INIT(tailqinitfn_##t) \
	{ \
		if (rte_eal_tailq_register(&t) < 0) \
			rte_panic("Cannot initialize tailq: %s\n", t.name); \
	}

/** Walks a list; var may be removed and freed inside the loop. */
#define RTE_TAILQ_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = RTE_TAILQ_FIRST((head)); \
		(var) && ((tvar) = RTE_TAILQ_NEXT((var), field), 1); \
		(var) = (tvar))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TAILQ_H_ */
