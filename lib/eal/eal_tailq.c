/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Named list heads (rte_tailq.h). Libraries register from constructors,
 * before or after rte_eal_init(): a head is handed out at once from a
 * fixed table, since there is one process and nothing to share.
 */
#include <pthread.h>
#include <string.h>

#include <rte_config.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

static struct rte_tailq_head eal_tailq_heads[RTE_MAX_TAILQ];
static unsigned int eal_tailq_count;
static pthread_mutex_t eal_tailq_lock = PTHREAD_MUTEX_INITIALIZER;

/* The head called name; the caller holds the lock. */
static struct rte_tailq_head *
eal_tailq_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < eal_tailq_count; i++)
		if (strncmp(eal_tailq_heads[i].name, name,
			    RTE_TAILQ_NAMESIZE) == 0)
			return &eal_tailq_heads[i];
	return NULL;
}

struct rte_tailq_head *
rte_eal_tailq_lookup(const char *name)
{
	struct rte_tailq_head *head;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&eal_tailq_lock);
	head = eal_tailq_find(name);
	pthread_mutex_unlock(&eal_tailq_lock);
	return head;
}

int
rte_eal_tailq_register(struct rte_tailq_elem *t)
{
	struct rte_tailq_head *head = NULL;
	const char *why = NULL;

	if (t == NULL || t->name[0] == '\0') {
		RTE_LOG(ERR, EAL,
			"tailq registration needs an element with "
			"a name\n");
		return -1;
	}
	pthread_mutex_lock(&eal_tailq_lock);
	if (eal_tailq_find(t->name) != NULL) {
		why = "the name is taken";
	} else if (eal_tailq_count == RTE_MAX_TAILQ) {
		why = "RTE_MAX_TAILQ lists exist already";
	} else {
		head = &eal_tailq_heads[eal_tailq_count++];
		TAILQ_INIT(&head->tailq_head);
		strlcpy(head->name, t->name, sizeof(head->name));
		t->head = head;
	}
	pthread_mutex_unlock(&eal_tailq_lock);
	if (head == NULL) {
		RTE_LOG(ERR, EAL, "cannot register tailq %.*s: %s\n",
			RTE_TAILQ_NAMESIZE, t->name, why);
		return -1;
	}
	return 0;
}

void
rte_dump_tailq(FILE *f)
{
	struct rte_tailq_entry *entry;
	unsigned int i, n;

	if (f == NULL)
		return;
	pthread_mutex_lock(&eal_tailq_lock);
	for (i = 0; i < eal_tailq_count; i++) {
		n = 0;
		TAILQ_FOREACH (entry, &eal_tailq_heads[i].tailq_head, next)
			n++;
		fprintf(f, "Tailq %u: qname:<%s>, tqh_first:%p, entries:%u\n",
			i, eal_tailq_heads[i].name,
			(void *)TAILQ_FIRST(&eal_tailq_heads[i].tailq_head), n);
	}
	pthread_mutex_unlock(&eal_tailq_lock);
}
