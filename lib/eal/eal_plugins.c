/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Driver plugins: shared objects loaded with -d FILE or -d DIR (every
 * *.so in DIR, in name order), then from RTE_EAL_PMD_PATH if it exists
 * and the EAL is the shared library.
 *
 * They are opened before the buses scan, with RTLD_NOW (an unresolved
 * symbol fails now, not at the first call) and RTLD_GLOBAL (a plugin may
 * use another's symbols), so their constructors register drivers exactly
 * as the built-in ones did before main(). A plugin must register at least
 * one driver or bus: anything else is a mistake on the command line
 * ("not a PMD"). They are closed again by rte_eal_cleanup().
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "eal_private.h"

struct plugin {
	char *path;
	void *handle;
};

static struct plugin *plugins;
static unsigned int nb_plugins;

static bool
plugin_is_loaded(const void *handle)
{
	unsigned int i;

	for (i = 0; i < nb_plugins; i++)
		if (plugins[i].handle == handle)
			return true;
	return false;
}

/*
 * Makes room for one more plugin record, before the plugin is opened:
 * once its constructors have registered a driver, loading must not fail
 * for want of memory (closing it again would leave the bus pointing into
 * unmapped code if a driver forgot to unregister). The copy of path, or
 * NULL (rte_errno ENOMEM) with one line.
 */
static char *
plugin_record_reserve(const char *path)
{
	struct plugin *grown = realloc(plugins,
		sizeof(*plugins) * (nb_plugins + 1));
	char *copy = NULL;

	if (grown != NULL) {
		plugins = grown;
		copy = strdup(path);
	}
	if (copy == NULL) {
		EAL_LOG(ERR, "-d %s: out of memory\n", path);
		rte_errno = ENOMEM;
	}
	return copy;
}

static int
plugin_load_file(const char *path)
{
	uint64_t before = eal_bus_registrations();
	char *path_copy;
	void *handle;

	path_copy = plugin_record_reserve(path);
	if (path_copy == NULL)
		return -1;
	handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
	if (handle == NULL) {
		EAL_LOG(ERR, "-d %s: cannot load the plugin: %s\n", path,
			dlerror());
		goto fail;
	}
	if (plugin_is_loaded(handle)) {
		/* Named twice (or by a file and its directory): once is all. */
		EAL_LOG(DEBUG, "plugin %s is loaded already\n", path);
		dlclose(handle);
		free(path_copy);
		return 0;
	}
	if (eal_bus_registrations() == before) {
		/* Nothing registered, so nothing points into it. */
		EAL_LOG(ERR,
			"-d %s: not a PMD: loading it registered no driver "
			"and no bus\n",
			path);
		dlclose(handle);
		goto fail;
	}
	plugins[nb_plugins].path = path_copy;
	plugins[nb_plugins].handle = handle;
	nb_plugins++;
	EAL_LOG(DEBUG, "loaded plugin %s\n", path);
	return 0;
fail:
	free(path_copy);
	rte_errno = EINVAL;
	return -1;
}

static bool
name_is_shared_object(const char *name)
{
	size_t len = strlen(name);

	return len > 3 && strcmp(name + len - 3, ".so") == 0;
}

static int
names_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.so names in dir, sorted; their count, or -1. */
static int
plugin_dir_list(const char *dir, char ***names_out)
{
	struct dirent *dent;
	char **names = NULL, **grown;
	int count = 0;
	DIR *d = opendir(dir);

	if (d == NULL)
		return -1;
	while ((dent = readdir(d)) != NULL) {
		if (!name_is_shared_object(dent->d_name))
			continue;
		grown = realloc(names, sizeof(*names) * (count + 1));
		if (grown == NULL)
			break;
		names = grown;
		names[count] = strdup(dent->d_name);
		if (names[count] == NULL)
			break;
		count++;
	}
	closedir(d);
	if (dent != NULL) {
		while (count-- > 0)
			free(names[count]);
		free(names);
		errno = ENOMEM;
		return -1;
	}
	if (count > 1) /* names is NULL when there is none */
		qsort(names, count, sizeof(*names), names_compare);
	*names_out = names;
	return count;
}

/*
 * Loads every *.so regular file in dir. A directory that -d names must
 * hold at least one (DPDK accepts any directory, but "-d /etc" loading
 * nothing is a mistake worth a line); the default one may be empty.
 */
static int
plugin_load_dir(const char *dir, bool named)
{
	char path[PATH_MAX];
	char **names = NULL;
	struct stat st;
	int count, i, loaded = 0, ret = 0;

	count = plugin_dir_list(dir, &names);
	if (count < 0) {
		EAL_LOG(ERR, "-d %s: cannot read the plugin directory: %s\n",
			dir, strerror(errno));
		rte_errno = errno == ENOMEM ? ENOMEM : EINVAL;
		return -1;
	}
	for (i = 0; i < count; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		/* Subdirectories and other odd entries are not plugins. */
		if (ret == 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			ret = plugin_load_file(path);
			loaded++;
		}
		free(names[i]);
	}
	free(names);
	if (ret == 0 && loaded == 0 && named) {
		EAL_LOG(ERR,
			"-d %s: no plugin in this directory (no *.so "
			"file): name a plugin file or a directory of them\n",
			dir);
		rte_errno = EINVAL;
		return -1;
	}
	return ret;
}

static int
plugin_load_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return plugin_load_dir(path, true);
	/* dlopen() says best what is wrong with anything else. */
	return plugin_load_file(path);
}

/*
 * True when the EAL runs from libpollux.so. The default plugins are
 * built against the shared library; an application linked with the
 * static one would get a second copy of the EAL from them (or, without
 * -rdynamic, unresolved symbols), so it loads only what -d names.
 */
static bool
eal_is_shared_build(void)
{
	Dl_info info;
	const char *name;

	if (dladdr((void *)eal_is_shared_build, &info) == 0 ||
		info.dli_fname == NULL)
		return false;
	name = strrchr(info.dli_fname, '/');
	name = name != NULL ? name + 1 : info.dli_fname;
	return strstr(name, ".so") != NULL;
}

static int
plugin_load_default_dir(void)
{
	struct stat st;

	if (stat(RTE_EAL_PMD_PATH, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (!eal_is_shared_build()) {
		EAL_LOG(DEBUG, "static build: plugins in %s are not loaded\n",
			RTE_EAL_PMD_PATH);
		return 0;
	}
	return plugin_load_dir(RTE_EAL_PMD_PATH, false);
}

int
eal_plugins_load(const struct eal_config *cfg)
{
	unsigned int i;

	for (i = 0; i < cfg->nb_plugins; i++)
		if (plugin_load_path(cfg->plugins[i]) < 0)
			goto fail;
	if (plugin_load_default_dir() < 0)
		goto fail;
	return 0;

fail:
	/* rte_errno: ENOMEM, or EINVAL for a plugin that is no good. */
	eal_plugins_unload();
	return -1;
}

void
eal_plugins_unload(void)
{
	/* Last loaded first: a plugin may use an earlier one's symbols. */
	while (nb_plugins > 0) {
		nb_plugins--;
		dlclose(plugins[nb_plugins].handle);
		free(plugins[nb_plugins].path);
	}
	free(plugins);
	plugins = NULL;
}
