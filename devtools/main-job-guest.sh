#!/bin/bash
# The guest's half of the main job (devtools/main-job.sh), run inside the
# QEMU guest chrooted into the host's root (test/guest/guest-chroot.sh).
# Binds 00:04.0 and 00:05.0 with pollux-devbind.py, runs pollux-testpmd
# io-forwarding between them with live statistics while the host injects
# frames into their taps, prints the summary, gives the NICs back to
# virtio-pci. Prints MAIN-JOB-END at the end; exit status 0 only when
# every count adds up and every step worked.
# From /mnt/guest.env: GUEST_SRC, GUEST_BUILD, MJ_SECONDS, MJ_PPS, MJ_BIND,
# MJ_TESTPMD_ARGS (extra pollux-testpmd options).
set -u
. /mnt/guest.env
. "$GUEST_SRC/test/guest/guest-lib.sh"
modern=0000:00:04.0
legacy=0000:00:05.0
devbind=$GUEST_SRC/usertools/pollux-devbind.py
testpmd=$GUEST_BUILD/app/pollux-testpmd
secs=$MJ_SECONDS pps=$MJ_PPS
read -r -a extra <<< "$MJ_TESTPMD_ARGS"
rc=0
t0=$(cut -d. -f1 /proc/uptime)
say() { echo "== [guest $(($(cut -d. -f1 /proc/uptime) - t0))s] $*"; }
driver_of() {
	local link
	link=$(readlink "/sys/bus/pci/devices/$1/driver" 2> /dev/null)
	echo "${link##*/}"
}
finish() {
	say "giving the NICs back to virtio-pci"
	timeout 60 python3 "$devbind" -b virtio-pci $modern $legacy 2>&1 | sed 's/^/   /'
	for d in $modern $legacy; do
		if [ "$(driver_of $d)" != virtio-pci ]; then
			say "FAIL: $d is on '$(driver_of $d)', not back on virtio-pci"
			rc=1
		else
			say "$d: back on virtio-pci, interface $(ls /sys/bus/pci/devices/$d/virtio*/net/)"
		fi
	done
	say "powering off"
	echo "MAIN-JOB-END rc=$rc"
	exit $rc
}

say "guest kernel $(uname -r); binding $modern (modern) and $legacy (legacy) to $MJ_BIND"
opt=()
[ "$MJ_BIND" = vfio-pci ] && opt=(--noiommu-mode)
timeout 60 python3 "$devbind" -b "$MJ_BIND" "${opt[@]}" $modern $legacy 2>&1 | sed 's/^/   /'
for d in $modern $legacy; do
	if [ "$(driver_of $d)" != "$MJ_BIND" ]; then
		say "FAIL: $d is on '$(driver_of $d)', not $MJ_BIND"
		rc=1
	fi
done
[ $rc = 0 ] || finish
timeout 60 python3 "$devbind" --status-dev net 2>&1 | sed 's/^/   /'

out=/tmp/testpmd.out
rm -f /tmp/testpmd.in
mkfifo /tmp/testpmd.in
say "pollux-testpmd -l 0-1 -n 1 -a $modern -a $legacy -- --forward-mode=io --stats-period 1 ${extra[*]}"
say "(start-up under TCG takes ~10-20 s)"
timeout -k 5 $((secs * 4 + 240)) "$testpmd" -l 0-1 -n 1 -a $modern -a $legacy -- \
	--forward-mode=io --stats-period 1 "${extra[@]}" < /tmp/testpmd.in > $out 2>&1 &
pid=$!
exec 3> /tmp/testpmd.in
# (not holding the FIFO open: testpmd must see its end of input)
tail -n +1 -f --pid=$pid $out 3>&- &
for ((i = 0; i < 900; i++)); do
	grep -q 'Press enter to exit' $out && break
	kill -0 $pid 2> /dev/null || break
	sleep 0.1
done
if kill -0 $pid 2> /dev/null && grep -q 'Press enter to exit' $out; then
	host_req 10 tapstats > /tmp/tap.before || rc=1
	say "forwarding; the host injects $pps frames/s into each tap for $secs s"
	host_req $((secs + 30)) inject tap0,tap1 $((pps * secs)) "$pps" > /tmp/tap.inject || rc=1
	sleep 2
	host_req 10 tapstats > /tmp/tap.after || rc=1
else
	say "FAIL: pollux-testpmd did not start forwarding"
	rc=1
fi
# Enter (in a subshell: a testpmd that died must not end this script)
(echo >&3) 2> /dev/null
exec 3>&-
wait $pid
trc=$?
sleep 0.3
[ $trc = 0 ] || { say "FAIL: pollux-testpmd exited with $trc"; rc=1; }

echo
say "summary (64-byte frames; tap0 = $modern port 0, tap1 = $legacy port 1)"
sed 's/^/   host: /' /tmp/tap.inject
for line in "tap0 0 1 tap1" "tap1 1 0 tap0"; do
	# shellcheck disable=SC2086
	set -- $line
	acc_offered='?' acc_rx='?' acc_fwd='?' acc_out='?'
	if tap_account $out /tmp/tap.inject /tmp/tap.before /tmp/tap.after $line > /tmp/acc; then
		verdict="every frame accounted for"
	else
		verdict="COUNTS DO NOT ADD UP"
		rc=1
	fi
	t=$(kv /tmp/tap.inject "$1" secs)
	kpps=$(awk -v n="$acc_fwd" -v t="$t" 'BEGIN { if (t > 0 && n ~ /^[0-9]+$/) printf "%.1f", n / t / 1000; else print "?" }')
	printf '   %s -> port %s -> port %s -> %s: offered %s, received %s, forwarded %s (%s kpps over %s s), back on the host %s: %s\n' \
		"$1" "$2" "$3" "$4" "$acc_offered" "$acc_rx" "$acc_fwd" "$kpps" "${t:-?}" "$acc_out" "$verdict"
	echo "      $(cut -d' ' -f2- /tmp/acc)"
done
if [ $rc = 0 ]; then
	say "the counts add up at both ends"
fi
finish
