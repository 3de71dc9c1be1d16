/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The control FIFO $root/control, for programs that cannot call the C test
 * controls (a script driving pollux-testpmd with the preloaded model): one
 * command per line,
 *
 *   cable <port> down      pull the cable: the link drops, LSC
 *   cable <port> up        plug it back: the link returns after the delay
 *
 * $root is the dir= configuration key (or the parent of POLLUX_SYSFS_PCI).
 * Port 0's device thread reads the FIFO when it has nothing else to do.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ixgbe_model.h"
#include "model.h"

static char control_line[128];
static size_t control_used;

int
model_control_open(struct model *model)
{
	char path[PATH_MAX + 16];

	snprintf(path, sizeof(path), "%s/control", model->root);
	if (mkfifo(path, 0600) != 0)
		return -errno;
	model->control_fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (model->control_fd < 0)
		return -errno;
	/* Our own writer: with no other writer, reads see EAGAIN, not EOF. */
	model->control_keep_fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (model->control_keep_fd < 0)
		return -errno;
	control_used = 0;
	return 0;
}

void
model_control_close(struct model *model)
{
	if (model->control_fd >= 0)
		close(model->control_fd);
	if (model->control_keep_fd >= 0)
		close(model->control_keep_fd);
	model->control_fd = -1;
	model->control_keep_fd = -1;
}

static void
control_command(char *line)
{
	unsigned int port;
	char state[8];

	if (sscanf(line, "cable %u %7s", &port, state) == 2 &&
		(strcmp(state, "up") == 0 || strcmp(state, "down") == 0) &&
		ixgbe_model_set_cable(port, strcmp(state, "up") == 0) == 0)
		return;
	fprintf(stderr,
		"ixgbe model: control: '%s' is not 'cable <port> up|down'\n",
		line);
}

void
model_control_poll(struct model *model)
{
	char *newline;
	ssize_t got;

	if (model->control_fd < 0)
		return;
	got = read(model->control_fd, control_line + control_used,
		sizeof(control_line) - 1 - control_used);
	if (got <= 0)
		return;
	control_used += (size_t)got;
	control_line[control_used] = '\0';
	while ((newline = strchr(control_line, '\n')) != NULL) {
		*newline = '\0';
		if (newline != control_line)
			control_command(control_line);
		control_used -= (size_t)(newline + 1 - control_line);
		memmove(control_line, newline + 1, control_used + 1);
	}
	if (control_used == sizeof(control_line) - 1)
		control_used = 0; /* an endless line: drop it */
}
