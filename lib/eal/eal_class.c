/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* The list of device classes (rte_class.h). */
#include <pthread.h>
#include <string.h>

#include <rte_class.h>
#include <rte_log.h>

static RTE_TAILQ_HEAD(, rte_class) eal_classes = TAILQ_HEAD_INITIALIZER(
	eal_classes);
static pthread_mutex_t eal_class_lock = PTHREAD_MUTEX_INITIALIZER;

void
rte_class_register(struct rte_class *cls)
{
	struct rte_class *listed;

	if (cls == NULL || cls->name == NULL || cls->name[0] == '\0') {
		RTE_LOG(ERR, EAL, "class not registered: it needs a name\n");
		return;
	}
	pthread_mutex_lock(&eal_class_lock);
	TAILQ_FOREACH (listed, &eal_classes, next)
		if (listed == cls)
			break;
	if (listed == NULL)
		TAILQ_INSERT_TAIL(&eal_classes, cls, next);
	pthread_mutex_unlock(&eal_class_lock);
}

void
rte_class_unregister(struct rte_class *cls)
{
	struct rte_class *listed;

	pthread_mutex_lock(&eal_class_lock);
	TAILQ_FOREACH (listed, &eal_classes, next)
		if (listed == cls) {
			TAILQ_REMOVE(&eal_classes, cls, next);
			break;
		}
	pthread_mutex_unlock(&eal_class_lock);
}

struct rte_class *
rte_class_find(const struct rte_class *start, rte_class_cmp_t cmp,
	const void *data)
{
	struct rte_class *cls;

	if (cmp == NULL)
		return NULL;
	pthread_mutex_lock(&eal_class_lock);
	if (start == NULL) {
		cls = TAILQ_FIRST(&eal_classes);
	} else {
		TAILQ_FOREACH (cls, &eal_classes, next)
			if (cls == start)
				break;
		if (cls != NULL)
			cls = TAILQ_NEXT(cls, next);
	}
	for (; cls != NULL; cls = TAILQ_NEXT(cls, next))
		if (cmp(cls, data) == 0)
			break;
	pthread_mutex_unlock(&eal_class_lock);
	return cls;
}

static int
eal_class_name_cmp(const struct rte_class *cls, const void *name)
{
	return strcmp(cls->name, name);
}

struct rte_class *
rte_class_find_by_name(const char *name)
{
	if (name == NULL)
		return NULL;
	return rte_class_find(NULL, eal_class_name_cmp, name);
}
