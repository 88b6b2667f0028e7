#!/bin/sh
# Runs one VoIPGuard command the way cron and systemd timers should:
#   - from the installation folder (voipguard.jar, batch-config/, rules/ and data/ live there),
#   - one run at a time: a run waits up to 55 minutes for the one before it to finish,
#   - the run's own output appended to $VOIPGUARD_LOG when that is set (cron), or left on
#     standard output for the journal (systemd),
#   - the exit code passed on, with one line on standard error when it is not 0, so cron
#     mails only the runs that need a person.
#
# Usage: voipguard-run.sh COMMAND [OPTIONS]    e.g. voipguard-run.sh cdrs import /srv/voipguard/inbox/cdrs
#
# Exit codes: 0 done; 1 the run failed (a file moved to failed/, an email left pending, the
# database unreachable, ...): the next run retries what can be retried; 2 bad arguments or
# configuration (a rule that does not compile, a wrong setting): nothing is retried until a
# person fixes it; 75 another run held the lock for too long, this one did not start.
set -u

home="${VOIPGUARD_HOME:-/opt/voipguard}"
lock="${VOIPGUARD_LOCK:-/var/lib/voipguard/run.lock}"
java="${JAVA:-java}"
log="${VOIPGUARD_LOG:-}"

cd "$home" || { echo "voipguard $*: no installation folder $home" >&2; exit 2; }

if [ -n "$log" ]; then
    echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) voipguard $*" >>"$log"
    flock -w 3300 -E 75 "$lock" "$java" -jar voipguard.jar "$@" >>"$log" 2>&1
else
    flock -w 3300 -E 75 "$lock" "$java" -jar voipguard.jar "$@"
fi
code=$?

where="${log:-the journal}"
case $code in
    0) ;;
    1) echo "voipguard $*: the run FAILED (exit 1); see $where. Files that failed are in failed/ beside their drop folder, with the reason." >&2 ;;
    2) echo "voipguard $*: bad arguments or configuration (exit 2); see $where. Fix it: later runs will fail the same way." >&2 ;;
    75) echo "voipguard $*: not run, another VoIPGuard run held $lock for 55 minutes (exit 75)." >&2 ;;
    *) echo "voipguard $*: ended with exit code $code (did java start?); see $where." >&2 ;;
esac
exit $code
