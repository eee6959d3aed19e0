# Shared helpers for scripts/services/*: fetch jars from Maven Central, start a JVM detached, wait for readiness
# with a deadline, stop only the pid we started. Sourced, not executed.
set -euo pipefail

SERVICES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES_DIR="${KUNDENRADAR_SERVICES_DIR:-$SERVICES_ROOT/.services}"

say() { printf '[%s] %s\n' "$SERVICE_NAME" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

need_tools() {
  local missing=()
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  ((${#missing[@]} == 0)) && return 0
  # CI runs as root on a fresh Debian machine: install what is missing instead of failing.
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} with apt-get"
    local pkgs=()
    for t in "${missing[@]}"; do
      case "$t" in
        java|javac) pkgs+=(openjdk-17-jdk-headless) ;;
        mvn) pkgs+=(maven) ;;
        curl) pkgs+=(curl) ;;
        *) pkgs+=("$t") ;;
      esac
    done
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  else
    die "missing tools: ${missing[*]} (install a JDK 17 and Maven)"
  fi
}

# copy_dependencies POM_DIR LIB_DIR: resolves the pom's runtime dependencies from Maven Central into LIB_DIR.
copy_dependencies() {
  local pom_dir=$1 lib_dir=$2
  rm -rf "$lib_dir.tmp"
  mvn -q -B -ntp -Dstyle.color=never -f "$pom_dir/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$lib_dir.tmp" -Dmdep.overWriteReleases=true >&2
  rm -rf "$lib_dir"
  mv "$lib_dir.tmp" "$lib_dir"
}

# pid_alive PIDFILE MARKER: true when the pid in PIDFILE runs and its command line contains MARKER
# (guards against a recycled pid belonging to someone else).
pid_alive() {
  local pidfile=$1 marker=$2 pid
  [[ -f $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' </proc/"$pid"/cmdline | grep -qF -- "$marker"
}

# pid_present PIDFILE: the recorded process exists and is not a zombie, whatever it runs.
pid_present() {
  local pid
  [[ -f $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  [[ $(awk '{print $3}' /proc/"$pid"/stat 2>/dev/null) != Z ]]
}

# port_open PORT: a TCP connect to 127.0.0.1:PORT succeeds.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until DEADLINE_SECONDS PIDFILE MARKER LOGFILE CHECK...: polls CHECK once a second until it succeeds,
# the process dies (fail fast, show the log tail) or the deadline passes.
wait_until() {
  local started; started=$(date +%s)
  local deadline=$(( started + $1 )) pidfile=$2 marker=$3 logfile=$4
  shift 4
  until "$@"; do
    if ! pid_alive "$pidfile" "$marker"; then
      # Just after the fork the child can still be this script (not yet exec'd into the server), so its command
      # line lacks the marker; on a loaded machine that lasts long enough to be seen. It has not exited then.
      if pid_present "$pidfile" && (( $(date +%s) < started + 20 )); then
        sleep 1
        continue
      fi
      say "process exited during startup; last log lines:"
      tail -n 40 "$logfile" >&2 || true
      return 1
    fi
    if (( $(date +%s) >= deadline )); then
      say "not ready before the deadline; last log lines:"
      tail -n 40 "$logfile" >&2 || true
      return 1
    fi
    sleep 1
  done
}

# stop_pid PIDFILE MARKER: SIGTERM the recorded pid, wait up to 30 s, then SIGKILL. Touches nothing else.
stop_pid() {
  local pidfile=$1 marker=$2 pid i
  if ! pid_alive "$pidfile" "$marker"; then
    rm -f "$pidfile"
    say "not running"
    return 0
  fi
  pid=$(<"$pidfile")
  kill -TERM "$pid"
  for ((i = 0; i < 30; i++)); do
    pid_alive "$pidfile" "$marker" || break
    sleep 1
  done
  if pid_alive "$pidfile" "$marker"; then
    say "pid $pid ignored SIGTERM for 30 s; sending SIGKILL"
    kill -KILL "$pid" || true
  fi
  rm -f "$pidfile"
  say "stopped (pid $pid)"
}

# start_detached PIDFILE LOGFILE CMD...: runs CMD in its own session (survives the calling shell) and records its pid.
start_detached() {
  local pidfile=$1 logfile=$2
  shift 2
  # Without job control a background child is not a group leader, so setsid execs in place and $! is the JVM.
  nohup setsid "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

elapsed_since() { echo $(( $(date +%s) - $1 )); }
