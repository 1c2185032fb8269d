# shellcheck shell=bash
# Settings, logging and small checks shared by every deploy/cpq subcommand.
# Every port and path can be overridden by the environment; nothing here starts anything.

CPQ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CPQ_STATE=${CPQ_STATE_DIR:-$CPQ_ROOT/.cpq}
CPQ_LOGS=$CPQ_STATE/logs

PG_PORT=${CPQ_PG_PORT:-15432}
REDIS_PORT=${CPQ_REDIS_PORT:-16379}
REDIS_CLUSTER_PORT=${CPQ_REDIS_CLUSTER_PORT:-16400}   # optional 3-node cluster: this port and the next two
KAFKA_PORT=${CPQ_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${CPQ_KAFKA_CONTROLLER_PORT:-19093}
GF_PORT_BASE=${CPQ_GLASSFISH_PORT_BASE:-18000}   # admin = base+48, http = base+80
GF_ADMIN_PORT=$((GF_PORT_BASE + 48))
GF_HTTP_PORT=$((GF_PORT_BASE + 80))
GF_HEAP=${CPQ_GLASSFISH_HEAP:-1g}
EDGE_PORT=${CPQ_EDGE_PORT:-18090}   # HAProxy, the single public entry in front of GlassFish's HTTP listener
KAFKA_HEAP=${CPQ_KAFKA_HEAP:-256m}

GLASSFISH_VERSION=7.0.21
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$CPQ_ROOT/deploy/kafka/pom.xml")
POSTGRESQL_JDBC_VERSION=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$CPQ_ROOT/pom.xml")

# The WARs of the suite: name, context root, Maven module directory. Each gets its own PostgreSQL
# role, schema, pool and jdbc/<name> resource. Services join this list with their issues.
CPQ_SERVICES=(catalog pricing quote)
declare -A CPQ_WAR_MODULE=([catalog]=cpq-application/catalog-service [pricing]=cpq-application/pricing-service [quote]=cpq-application/quote-service)

DEMO_TENANT=${CPQ_DEMO_TENANT:-demo}
# browser origins allowed to call the API (the sales UI's dev server by default), comma-separated
CORS_ORIGINS=${CPQ_CORS_ORIGINS:-http://localhost:5173,http://127.0.0.1:5173}
RATE_LIMIT_PER_MINUTE=${CPQ_RATE_LIMIT_PER_MINUTE:-1200}
# how often quote's schedule reconciles superseded decisions (milliseconds), as its SERVICE identity
DECISION_RECONCILIATION_INTERVAL_MS=${CPQ_DECISION_RECONCILIATION_INTERVAL_MS:-20000}
TOKEN_ISSUER=cpq-dev
TOKEN_AUDIENCE=cpq

_T0=${EPOCHREALTIME/[.,]/}

elapsed() { # seconds since the command started, one decimal
  local now=${EPOCHREALTIME/[.,]/}
  printf '%d.%d' $(((now - _T0) / 1000000)) $((((now - _T0) / 100000) % 10))
}

say() { printf '[cpq %6ss] %s\n' "$(elapsed)" "$*" >&2; }

die() { # one clear line, naming the log to read
  printf '[cpq %6ss] FAILED: %s\n' "$(elapsed)" "$*" >&2
  exit 1
}

# step "what" LOGFILE command...   runs a command with its output in LOGFILE, prints its duration
step() {
  local what=$1 log=$2 t0 t1
  shift 2
  mkdir -p "$(dirname "$log")"
  t0=${EPOCHREALTIME/[.,]/}
  if "$@" >>"$log" 2>&1; then
    t1=${EPOCHREALTIME/[.,]/}
    say "$what: ok ($(((t1 - t0) / 1000)) ms)"
  else
    die "$what (see $log)"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [[ -f $1 ]] && kill -0 "$(head -1 "$1")" 2>/dev/null; }

# wait_for SECONDS "what" LOGFILE command...   polls a real readiness check, never a blind sleep
wait_for() {
  local secs=$1 what=$2 log=$3 end
  shift 3
  end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || die "$what not ready after ${secs}s (see $log)"
    sleep 0.2
  done
}

# Refuse to start on a port that something else holds: a clear error instead of a confusing one.
require_free_port() {
  local port=$1 who=$2
  if port_open "$port"; then
    local holder
    holder=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/\1 pid \2/p' | head -1)
    die "port $port for $who is already used by ${holder:-another process}; stop it or set the port variable (see deploy/cpq help)"
  fi
}

as_root_or_die() {
  [[ $EUID -eq 0 ]] || die "$* needs root (or install it yourself: sudo apt-get install -y $*)"
}

apt_install() {
  as_root_or_die "$@"
  say "installing $* from Debian packages"
  local log=$CPQ_LOGS/apt.log
  mkdir -p "$CPQ_LOGS"
  if [[ ! -f $CPQ_STATE/.apt-updated ]]; then
    timeout 300 apt-get update -q >>"$log" 2>&1 || die "apt-get update (see $log)"
    touch "$CPQ_STATE/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends "$@" >>"$log" 2>&1 \
    || die "apt-get install $* (see $log)"
}

java17_home() { # GlassFish 7.0.x needs JDK 17 or 21
  local candidate v
  for candidate in "${CPQ_GLASSFISH_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    v=$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    if [[ $v == 17 || $v == 21 ]]; then
      echo "$candidate"
      return 0
    fi
  done
  candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  v=$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [[ $v == 17 || $v == 21 ]] && { echo "$candidate"; return 0; }
  return 1
}

# The problems the container and the edge answer themselves (status|code|title|detail), one table for
# both: GlassFish's send-error pages (glassfish.sh) and HAProxy's error files (edge.sh).
CPQ_CONTAINER_PROBLEMS=(
  "400|BAD_REQUEST|Bad request|The request was rejected."
  "401|UNAUTHENTICATED|Authentication required|A bearer token is required."
  "403|FORBIDDEN|Forbidden|Your roles do not allow this operation."
  "404|NOT_FOUND|Not found|No such resource."
  "405|METHOD_NOT_ALLOWED|Method not allowed|This resource does not support that method."
  "408|REQUEST_TIMEOUT|Request timeout|The request was not received in time."
  "411|LENGTH_REQUIRED|Length required|The request needs a Content-Length or a chunked body."
  "413|PAYLOAD_TOO_LARGE|Payload too large|The request is too large."
  "414|URI_TOO_LONG|URI too long|The request URI is too long."
  "415|UNSUPPORTED_MEDIA_TYPE|Unsupported media type|Send application/json."
  "500|INTERNAL_ERROR|Internal error|The service failed unexpectedly."
  "501|NOT_IMPLEMENTED|Not implemented|The method is not supported."
  "503|SERVICE_UNAVAILABLE|Service unavailable|The service is not available; retry shortly."
  "505|HTTP_VERSION_NOT_SUPPORTED|HTTP version not supported|Use HTTP/1.1."
)

# problem_json STATUS CODE TITLE DETAIL   one RFC 9457 problem body (one line)
problem_json() {
  printf '{"type":"urn:cpq:problem:%s","title":"%s","status":%s,"detail":"%s","code":"%s"}\n' \
    "$(tr 'A-Z_' 'a-z-' <<<"$2")" "$3" "$1" "$4" "$2"
}

mvn_quiet() { timeout 1200 mvn -B -ntp "$@"; }
