/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device side: lifecycle, one polling thread per port, global reset
 * (datasheet 4.6.3.2: CTRL.RST and CTRL.LNK_RST self-clear; EEC.ARD and
 * RDRXCTL.DMAIDONE say the EEPROM auto-read and the DMA init are done) and
 * the link (4.6.4: LINKS.UP some time after AUTOC.AN_RESTART).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "ixgbe_model.h"
#include "model.h"

#define RESET_VISIBLE_NS  1000000ull /* CTRL.RST reads 1 for 1 ms */
#define EEPROM_READ_NS	  2000000ull /* then 2 ms until EEC.ARD */
#define IDLE_SPIN_NS	  100000ull  /* spin 100 us after the last work */
#define IDLE_SLEEP_MAX_NS 1000000ull

struct model model_state;
static int model_exit_registered;

uint64_t
model_now_ns(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
}

/* Reset values (datasheet chapter 8 register tables; see doc/testing.md). */
static void
device_reset_values(struct model_port *port)
{
	uint32_t ral = port->mac[0] | port->mac[1] << 8 | port->mac[2] << 16 |
		(uint32_t)port->mac[3] << 24;
	uint32_t rah = port->mac[4] | port->mac[5] << 8 | MREG_RAH_AV;
	unsigned int i;

	/* All but CTRL (offset 0): a driver polling CTRL.RST must never see
	 * it clear before the reset's time is up. */
	memset((char *)port->regs + sizeof(uint32_t), 0,
		MREG_BAR0_SIZE - sizeof(uint32_t));
	mreg_write(port, MREG_STATUS,
		(port->index & 1) << MREG_STATUS_LAN_ID_SHIFT);
	mreg_write(port, MREG_EEC, MREG_EEC_PRES);
	/* DCA_RXCTRL bit 12: "Default 1b; Reserved. Must be set to 0" (82599
	 * datasheet 8.2.3.11.1, as quoted in TinyNF). */
	for (i = 0; i < MODEL_MAX_QUEUES; i++)
		mreg_write(port, MREG_DCA_RXCTRL(i), MREG_DCA_RXCTRL_BIT12);
	for (i = 0; i < 16; i++) {
		mreg_write(port, MREG_DCA_RXCTRL_ALIAS(i),
			MREG_DCA_RXCTRL_BIT12);
		mreg_write(port, MREG_SRRCTL(i), 0x402);
		mreg_write(port, MREG_SRRCTL_ALIAS(i), 0x402);
		port->srrctl_seen[i] = 0x402;
		port->srrctl_alias_seen[i] = 0x402;
	}
	mreg_write(port, MREG_HLREG0,
		MREG_HLREG0_TXCRCEN | MREG_HLREG0_RXCRCSTRP |
			MREG_HLREG0_TXPADEN);
	mreg_write(port, MREG_MAXFRS, 1518u << 16);
	mreg_write(port, MREG_RXPBSIZE(0), 0x80000);
	mreg_write(port, MREG_TXPBSIZE(0), 0x28000);
	mreg_write(port, MREG_RAL(0), ral);
	mreg_write(port, MREG_RAH(0), rah);
	mreg_write(port, MREG_RAL_LOW(0), ral);
	mreg_write(port, MREG_RAH_LOW(0), rah);
}

/* Everything back to its reset value; the link goes down. */
void
model_device_reset(struct model_port *port)
{
	pthread_mutex_lock(&port->rx_lock);
	model_lock(port);
	device_reset_values(port);
	port->link_up = 0;
	port->an_requested = 0;
	port->link_up_at_ns = 0;
	model_unlock(port);
	pthread_mutex_unlock(&port->rx_lock);
}

int
model_link_is_up(struct model_port *port)
{
	return __atomic_load_n(&port->link_up, __ATOMIC_ACQUIRE);
}

static void
device_set_link(struct model_port *port, int up)
{
	if (port->link_up == up)
		return;
	model_lock(port);
	mreg_write(port, MREG_LINKS,
		up ? MREG_LINKS_UP | MREG_LINKS_SPEED_10G : 0);
	__atomic_store_n(&port->link_up, up, __ATOMIC_RELEASE);
	model_unlock(port);
	model_intr_raise(port, MREG_EICR_LSC);
}

/* 4.6.3.2: the reset takes a while; the driver polls CTRL, then EEC.ARD. */
static int
device_poll_reset(struct model_port *port, uint64_t now)
{
	uint32_t ctrl = mreg_read(port, MREG_CTRL);

	if (port->reset_phase == 0 && (ctrl & MREG_CTRL_RST) != 0) {
		model_device_reset(port);
		mreg_write(port, MREG_CTRL, MREG_CTRL_RST);
		port->reset_phase = 1;
		/* A fresh clock: now was read before CTRL, possibly before the
		 * driver's write when this thread was descheduled in between. */
		port->reset_deadline_ns = model_now_ns() + RESET_VISIBLE_NS;
		return 1;
	}
	if (port->reset_phase == 1 && now >= port->reset_deadline_ns) {
		mreg_write(port, MREG_CTRL, 0);
		port->reset_phase = 2;
		port->reset_deadline_ns = now + EEPROM_READ_NS;
		return 1;
	}
	if (port->reset_phase == 2 && now >= port->reset_deadline_ns) {
		mreg_write(port, MREG_EEC,
			mreg_read(port, MREG_EEC) | MREG_EEC_ARD);
		mreg_write(port, MREG_RDRXCTL,
			mreg_read(port, MREG_RDRXCTL) | MREG_RDRXCTL_DMAIDONE);
		port->reset_phase = 0;
		return 1;
	}
	if (port->reset_phase == 0 && (ctrl & MREG_CTRL_LNK_RST) != 0) {
		/* Link reset: the link drops and negotiates again. */
		mreg_write(port, MREG_CTRL, ctrl & ~MREG_CTRL_LNK_RST);
		device_set_link(port, 0);
		if (port->an_requested)
			port->link_up_at_ns = now +
				model_state.config.link_delay_ms * 1000000ull;
		return 1;
	}
	return 0;
}

static int
device_poll_link(struct model_port *port, uint64_t now)
{
	uint32_t autoc = mreg_read(port, MREG_AUTOC);
	int cable = atomic_load(&port->cable);

	if ((autoc & MREG_AUTOC_AN_RESTART) != 0) {
		mreg_write(port, MREG_AUTOC, autoc & ~MREG_AUTOC_AN_RESTART);
		device_set_link(port, 0);
		port->an_requested = 1;
		port->link_up_at_ns = now +
			model_state.config.link_delay_ms * 1000000ull;
		return 1;
	}
	if (port->link_up && !cable) {
		device_set_link(port, 0);
		port->link_up_at_ns = 0;
		return 1;
	}
	if (!port->link_up && cable && port->an_requested) {
		if (port->link_up_at_ns == 0)
			port->link_up_at_ns = now +
				model_state.config.link_delay_ms * 1000000ull;
		if (now >= port->link_up_at_ns) {
			device_set_link(port, 1);
			return 1;
		}
	}
	return 0;
}

/* SRRCTL(0..15) has two addresses (0x02100 + 4i and 0x01014 + 0x40i). */
static void
device_sync_aliases(struct model_port *port)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		uint32_t main_value = mreg_read(port, MREG_SRRCTL(i));
		uint32_t alias_value = mreg_read(port, MREG_SRRCTL_ALIAS(i));

		if (main_value != port->srrctl_seen[i])
			alias_value = main_value;
		else if (alias_value != port->srrctl_alias_seen[i])
			main_value = alias_value;
		else
			continue;
		mreg_write(port, MREG_SRRCTL(i), main_value);
		mreg_write(port, MREG_SRRCTL_ALIAS(i), alias_value);
		port->srrctl_seen[i] = main_value;
		port->srrctl_alias_seen[i] = alias_value;
	}
}

/*
 * Busy while there is work, and for IDLE_SPIN_NS after it (bursts come
 * back within microseconds); then sleep an eighth of the time idle so far,
 * up to 1 ms: an idle model costs little CPU.
 */
static void
device_idle(uint64_t now, uint64_t last_work_ns)
{
	uint64_t idle_ns = now - last_work_ns;
	struct timespec pause;

	if (idle_ns < IDLE_SPIN_NS) {
		__builtin_ia32_pause();
		return;
	}
	idle_ns /= 8;
	if (idle_ns > IDLE_SLEEP_MAX_NS)
		idle_ns = IDLE_SLEEP_MAX_NS;
	pause.tv_sec = 0;
	pause.tv_nsec = (long)idle_ns;
	nanosleep(&pause, NULL);
}

static void *
device_thread(void *arg)
{
	struct model_port *port = arg;
	uint64_t last_work_ns = model_now_ns();
	unsigned int rounds = 0;

	/* Fine-grained sleeps: the default 50 us timer slack is too coarse. */
	prctl(PR_SET_TIMERSLACK, 1000UL, 0, 0, 0);
	while (!atomic_load(&model_state.stopping)) {
		uint64_t now = model_now_ns();
		unsigned int work;

		work = device_poll_reset(port, now);
		if (port->reset_phase == 0) {
			work += device_poll_link(port, now);
			device_sync_aliases(port);
			work += model_tx_poll(port);
			work += model_wire_poll(port);
		}
		/* The control FIFO: when idle, and now and then under load. */
		if (port->index == 0 && (work == 0 || (++rounds & 4095) == 0))
			model_control_poll(&model_state);
		if (work != 0)
			last_work_ns = now;
		else
			device_idle(now, last_work_ns);
	}
	return NULL;
}

static void
device_port_init(struct model_port *port, unsigned int index)
{
	unsigned int vector;

	memset(port, 0, sizeof(*port));
	port->index = index;
	port->bar_fd = -1;
	port->uio_fd = -1;
	for (vector = 0; vector < MODEL_MAX_VECTORS; vector++)
		port->msix_fd[vector] = -1;
	pthread_mutex_init(&port->rx_lock, NULL);
	atomic_init(&port->cable, 1);
	/* Locally administered: 02:82:59:9e:00:<port> */
	port->mac[0] = 0x02;
	port->mac[1] = 0x82;
	port->mac[2] = 0x59;
	port->mac[3] = 0x9e;
	port->mac[4] = 0x00;
	port->mac[5] = (uint8_t)index;
}

static int
device_start_ports(struct model *model)
{
	unsigned int i;
	int ret;

	for (i = 0; i < model->config.nb_ports; i++) {
		struct model_port *port = &model->ports[i];

		if (model->config.wire == MODEL_WIRE_LOOP)
			port->peer =
				&model->ports[(i ^ 1) < model->config.nb_ports ?
						i ^ 1 :
						i];
		device_reset_values(port);
		mreg_write(port, MREG_EEC, MREG_EEC_PRES | MREG_EEC_ARD);
		mreg_write(port, MREG_RDRXCTL, MREG_RDRXCTL_DMAIDONE);
		ret = model_intr_open(port);
		ret = ret ? ret : model_wire_open(port);
		if (ret != 0)
			return ret;
	}
	for (i = 0; i < model->config.nb_ports; i++) {
		ret = pthread_create(&model->ports[i].thread, NULL,
			device_thread, &model->ports[i]);
		if (ret != 0)
			return -ret;
		model->ports[i].thread_started = 1;
	}
	return 0;
}

static void
device_stop_ports(struct model *model)
{
	unsigned int i;

	atomic_store(&model->stopping, 1);
	for (i = 0; i < MODEL_MAX_PORTS; i++) {
		struct model_port *port = &model->ports[i];

		if (port->thread_started)
			pthread_join(port->thread, NULL);
		port->thread_started = 0;
		model_trap_forget_port(port);
		model_intr_close(port);
		model_wire_close(port);
	}
}

int
ixgbe_model_start(const char *config)
{
	struct model *model = &model_state;
	unsigned int i;
	int ret;

	if (atomic_load(&model->running))
		return -EALREADY;
	if (config == NULL)
		config = getenv("POLLUX_IXGBE_MODEL");
	memset(model, 0, sizeof(*model));
	model->control_fd = -1;
	model->control_keep_fd = -1;
	ret = model_config_parse(config, &model->config);
	if (ret != 0)
		return ret;
	for (i = 0; i < MODEL_MAX_PORTS; i++)
		device_port_init(&model->ports[i], i);
	model->owner = getpid();
	ret = model_trap_init();
	ret = ret ? ret : model_tree_create(model);
	ret = ret ? ret : model_control_open(model);
	ret = ret ? ret : device_start_ports(model);
	if (ret != 0) {
		fprintf(stderr, "ixgbe model: cannot start: %s\n",
			strerror(-ret));
		device_stop_ports(model);
		model_control_close(model);
		model_tree_remove(model);
		return ret;
	}
	setenv("POLLUX_SYSFS_PCI", model->sysfs_dir, 1);
	setenv("POLLUX_DEV_DIR", model->dev_dir, 1);
	atomic_store(&model->running, 1);
	/* Whoever forgets ixgbe_model_stop() still leaves no tree behind. */
	if (!model_exit_registered) {
		model_exit_registered = 1;
		atexit(ixgbe_model_stop);
	}
	return 0;
}

void
ixgbe_model_stop(void)
{
	struct model *model = &model_state;

	if (!atomic_load(&model->running) || model->owner != getpid())
		return;
	device_stop_ports(model);
	model_control_close(model);
	model_tree_remove(model);
	unsetenv("POLLUX_SYSFS_PCI");
	unsetenv("POLLUX_DEV_DIR");
	atomic_store(&model->running, 0);
}

static struct model_port *
device_port(unsigned int port)
{
	if (!atomic_load(&model_state.running) ||
		port >= model_state.config.nb_ports)
		return NULL;
	return &model_state.ports[port];
}

unsigned int
ixgbe_model_nb_ports(void)
{
	return atomic_load(&model_state.running) ? model_state.config.nb_ports :
						   0;
}

const char *
ixgbe_model_pci_addr(unsigned int port)
{
	struct model_port *p = device_port(port);

	return p != NULL ? p->pci_addr : NULL;
}

const char *
ixgbe_model_device_dir(unsigned int port)
{
	struct model_port *p = device_port(port);

	return p != NULL ? p->dir : NULL;
}

const char *
ixgbe_model_sysfs_dir(void)
{
	return atomic_load(&model_state.running) ? model_state.sysfs_dir : NULL;
}

int
ixgbe_model_set_cable(unsigned int port, int up)
{
	struct model_port *p = device_port(port);

	if (p == NULL)
		return -EINVAL;
	atomic_store(&p->cable, up ? 1 : 0);
	return 0;
}

int
ixgbe_model_inject(unsigned int port, const void *frame, size_t len)
{
	struct model_port *p = device_port(port);

	if (p == NULL || frame == NULL || len < 14 || len > MODEL_MAX_FRAME)
		return -EINVAL;
	if (!model_link_is_up(p))
		return -ENETDOWN;
	atomic_fetch_add(&p->wire_rx, 1);
	return model_rx_frame(p, frame, len, 0);
}

uint64_t
ixgbe_model_wire_tx(unsigned int port)
{
	struct model_port *p = device_port(port);

	return p != NULL ? atomic_load(&p->wire_tx) : 0;
}

uint64_t
ixgbe_model_wire_rx(unsigned int port)
{
	struct model_port *p = device_port(port);

	return p != NULL ? atomic_load(&p->wire_rx) : 0;
}
