#!/bin/bash
# Runs every example of doc/testpmd.md and doc/drivers.md as written, so
# the documentation cannot drift from the program:
#  - each "$ pollux-testpmd ..." line of a ```sh block, with stdin
#    closed (non-interactive runs stop at end of input): exit 0;
#  - each ```text block that starts with "$ pollux-testpmd ... -i": the
#    "testpmd> " lines that follow, as one session: exit 0, "Bye...", and
#    no command refused or unknown.
# Examples run in a scratch directory, in the order of the documents.
# Usage: doc_examples.sh BUILD_DIR SOURCE_DIR
TESTPMD="$1/app/pollux-testpmd"
DOCS="$2/doc"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cd "$OUT" || exit 1
nb_run=0

# The pcap PMD exists only when meson found libpcap.
have_pcap=0
grep -qa 'net_pcap' "$TESTPMD" && have_pcap=1

run_line() {
	local cmd="${1/#pollux-testpmd/$TESTPMD}"

	if [[ $cmd == *net_pcap* && $have_pcap -eq 0 ]]; then
		echo "skip (no pcap PMD): $1"
		return
	fi
	nb_run=$((nb_run + 1))
	if ! timeout 60 bash -c "$cmd" </dev/null >"$OUT/run.log" 2>&1; then
		fail "$2: '$1' failed"
		tail -5 "$OUT/run.log"
	fi
}

run_session() {
	local launch="${1/#pollux-testpmd/$TESTPMD}"

	nb_run=$((nb_run + 1))
	if ! timeout 60 bash -c "$launch" <"$OUT/session.in" \
			>"$OUT/session.log" 2>&1; then
		fail "$2: session '$1' failed"
	fi
	grep -q '^Bye...$' "$OUT/session.log" || fail "$2: '$1': no Bye..."
	if grep -E 'Bad arguments|not supported by pollux|^(testpmd> )*Invalid|Please stop' \
			"$OUT/session.log"; then
		fail "$2: a command of the session '$1' was refused"
	fi
}

# Walks one document's fenced blocks.
run_doc() {
	local doc=$1 lang="" launch="" line in_block=0

	while IFS= read -r line; do
		if [[ $line == '```'* ]]; then
			if [ $in_block -eq 1 ]; then
				[ -n "$launch" ] && run_session "$launch" "$doc"
				in_block=0
				launch=""
			else
				in_block=1
				lang=${line#\`\`\`}
				: >"$OUT/session.in"
			fi
			continue
		fi
		[ $in_block -eq 1 ] || continue
		if [ "$lang" = sh ] && [[ $line == '$ '* ]]; then
			run_line "${line#\$ }" "$doc"
		elif [ "$lang" = text ] && [[ $line == '$ '* ]]; then
			launch=${line#\$ }
		elif [ "$lang" = text ] && [[ $line == 'testpmd> '* ]]; then
			echo "${line#testpmd> }" >>"$OUT/session.in"
		fi
	done <"$DOCS/$doc"
}

run_doc testpmd.md
run_doc drivers.md
[ $nb_run -ge 10 ] || fail "only $nb_run examples found"
echo "$nb_run examples run"
exit $FAILED
