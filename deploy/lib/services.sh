# shellcheck shell=bash
# PostgreSQL, Redis and a Kafka KRaft broker as local processes on 127.0.0.1, state under .cpq/.
# Each function is idempotent: a running component is left alone, a missing one is installed/started.

PG_STATE=$CPQ_STATE/pg
REDIS_STATE=$CPQ_STATE/redis
KAFKA_STATE=$CPQ_STATE/kafka
KAFKA_LIB=$CPQ_STATE/kafka-dist-$KAFKA_VERSION/lib
SECRETS=$CPQ_STATE/secrets.env

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_postgres() { # PostgreSQL refuses to run as root
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_packages() {
  local missing=()
  [[ -n $(pg_bin) ]] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
  command -v mvn >/dev/null || die "Maven is required (apt-get install maven)"
  java17_home >/dev/null || die "a JDK 17 or 21 is required (apt-get install openjdk-17-jdk-headless)"
}

ensure_secrets() { # generated once per checkout; never committed (.cpq/ is git-ignored)
  mkdir -p "$CPQ_STATE"
  if [[ ! -f $SECRETS ]]; then
    umask 077
    {
      echo "CPQ_PG_ADMIN_PASSWORD=$(openssl rand -hex 16)"
      for svc in catalog pricing quote oms; do
        echo "CPQ_PG_PASSWORD_${svc^^}=$(openssl rand -hex 16)"
      done
    } >"$SECRETS"
    umask 022
  fi
  # shellcheck disable=SC1090
  source "$SECRETS"
}

service_password() { local v="CPQ_PG_PASSWORD_${1^^}"; echo "${!v}"; }

# The data directory must be reachable by the postgres user; a checkout under a private home is not.
pg_data_dir() {
  mkdir -p "$PG_STATE"
  if [[ $EUID -ne 0 ]] || runuser -u postgres -- test -x "$PG_STATE" 2>/dev/null; then
    echo "$PG_STATE/data"
  else
    local alt
    alt=/var/lib/cpq/$(printf '%s' "$CPQ_STATE" | sha1sum | cut -c1-12)/pg
    mkdir -p "$alt" && chown postgres:postgres "$alt" "$(dirname "$alt")"
    echo "$alt/data"
  fi
}

pg_running() { local data; data=$(pg_data_dir); [[ -f $data/PG_VERSION ]] && as_postgres "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

pg_socket_dir() { echo "$(dirname "$(pg_data_dir)")/sock"; }

psql_admin() { as_postgres "$(pg_bin)/psql" -X -q -h "$(pg_socket_dir)" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

start_postgres() {
  local bin data log
  bin=$(pg_bin)
  data=$(pg_data_dir)
  log=$CPQ_LOGS/postgres.log
  local sock
  sock=$(pg_socket_dir)
  mkdir -p "$CPQ_LOGS" "$sock"
  if pg_running; then
    say "postgres: running on 127.0.0.1:$PG_PORT"
  else
    require_free_port "$PG_PORT" postgres
    if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$sock" "$(dirname "$data")"; touch "$log"; chown postgres "$log"; fi
    if [[ ! -f $data/PG_VERSION ]]; then
      step "postgres: initdb" "$log" as_postgres "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256
      {
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PG_PORT"
        echo "unix_socket_directories = '$sock'"
        echo "max_connections = 200"
        echo "shared_buffers = 128MB"
        # Test runs trade durability for speed; a normal `up` keeps PostgreSQL's safe defaults.
        if [[ ${CI:-} == true || ${CPQ_FAST_UNSAFE_PG:-} == 1 ]]; then
          echo "fsync = off"
          echo "synchronous_commit = off"
          echo "full_page_writes = off"
        fi
      } >>"$data/postgresql.conf"
    fi
    step "postgres: start" "$log" as_postgres "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start
  fi
  wait_for 30 postgres "$log" psql_admin -d postgres -c 'SELECT 1'
  ensure_secrets
  step "postgres: database cpq, one role + schema per service" "$log" provision_postgres
}

provision_postgres() {
  psql_admin -d postgres -v admin_pw="$CPQ_PG_ADMIN_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE cpq LOGIN PASSWORD %L', :'admin_pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cpq') \gexec
ALTER ROLE cpq PASSWORD :'admin_pw';
SELECT 'CREATE DATABASE cpq OWNER cpq ENCODING ''UTF8''' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'cpq') \gexec
SQL
  local svc
  for svc in "${CPQ_SERVICES[@]}"; do
    # each service logs in as its own role, which owns its schema and nothing else
    psql_admin -d cpq -v svc="$svc" -v pw="$(service_password "$svc")" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'svc', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'svc') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'svc', :'pw') \gexec
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'svc', :'svc') \gexec
SELECT format('ALTER ROLE %I SET search_path = %I', :'svc', :'svc') \gexec
SELECT format('GRANT CONNECT ON DATABASE cpq TO %I', :'svc') \gexec
SQL
  done
}

stop_postgres() {
  local data
  data=$(pg_data_dir)
  if pg_running; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null && say "postgres: stopped"
  fi
}

redis_cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

start_redis() {
  local log=$CPQ_LOGS/redis.log
  mkdir -p "$REDIS_STATE" "$CPQ_LOGS"
  if pid_alive "$REDIS_STATE/redis.pid"; then
    say "redis: running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  require_free_port "$REDIS_PORT" redis
  # a cache, never a source of truth: no persistence at all
  step "redis: start" "$log" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --daemonize yes --pidfile "$REDIS_STATE/redis.pid" --logfile "$log" --dir "$REDIS_STATE"
  wait_for 20 redis "$log" bash -c "[[ \$(redis-cli -h 127.0.0.1 -p $REDIS_PORT ping) == PONG ]]"
  say "redis: ready ($(redis-server --version | awk '{print $3}' | cut -d= -f2))"
}

stop_redis() {
  if pid_alive "$REDIS_STATE/redis.pid"; then
    local pid
    pid=$(cat "$REDIS_STATE/redis.pid")
    redis_cli shutdown nosave >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    say "redis: stopped"
  fi
  rm -f "$REDIS_STATE/redis.pid"
}

# An optional three-master Redis Cluster (not started by default): what the cache library's cluster
# mode is tested against. Ports CPQ_REDIS_CLUSTER_PORT .. +2.
REDIS_CLUSTER_STATE=$CPQ_STATE/redis-cluster
redis_cluster_ports() { echo "$REDIS_CLUSTER_PORT" "$((REDIS_CLUSTER_PORT + 1))" "$((REDIS_CLUSTER_PORT + 2))"; }

start_redis_cluster() {
  local log=$CPQ_LOGS/redis-cluster.log port nodes=()
  mkdir -p "$REDIS_CLUSTER_STATE" "$CPQ_LOGS"
  for port in $(redis_cluster_ports); do
    nodes+=("127.0.0.1:$port")
    if pid_alive "$REDIS_CLUSTER_STATE/$port/redis.pid"; then continue; fi
    require_free_port "$port" "redis cluster node"
    mkdir -p "$REDIS_CLUSTER_STATE/$port"
    step "redis-cluster: node $port" "$log" redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
      --cluster-enabled yes --cluster-config-file "$REDIS_CLUSTER_STATE/$port/nodes.conf" --cluster-node-timeout 2000 \
      --daemonize yes --pidfile "$REDIS_CLUSTER_STATE/$port/redis.pid" --logfile "$log" --dir "$REDIS_CLUSTER_STATE/$port"
    wait_for 20 "redis cluster node $port" "$log" bash -c "[[ \$(redis-cli -h 127.0.0.1 -p $port ping) == PONG ]]"
  done
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_CLUSTER_PORT" cluster info 2>/dev/null | grep -q 'cluster_state:ok'; then
    step "redis-cluster: assign slots to 3 masters" "$log" redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes
  fi
  wait_for 30 "redis cluster" "$log" bash -c "redis-cli -h 127.0.0.1 -p $REDIS_CLUSTER_PORT cluster info | grep -q cluster_state:ok"
  say "redis-cluster: ready on ${nodes[*]}"
}

stop_redis_cluster() {
  local port pid stopped=0
  for port in $(redis_cluster_ports); do
    if pid_alive "$REDIS_CLUSTER_STATE/$port/redis.pid"; then
      pid=$(cat "$REDIS_CLUSTER_STATE/$port/redis.pid")
      redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      stopped=1
    fi
    rm -f "$REDIS_CLUSTER_STATE/$port/redis.pid"
  done
  # a cluster is recreated from scratch next time: its node files hold the old topology
  rm -rf "$REDIS_CLUSTER_STATE"
  ((stopped)) && say "redis-cluster: stopped"
  return 0
}

kafka_dist() { # broker jars from Maven Central, resolved once per version
  [[ -f $KAFKA_LIB/.complete ]] && return 0
  mkdir -p "$KAFKA_LIB"
  step "kafka: resolve broker $KAFKA_VERSION from Maven Central" "$CPQ_LOGS/kafka-dist.log" \
    mvn_quiet -f "$CPQ_ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIB" -DincludeScope=runtime
  touch "$KAFKA_LIB/.complete"
}

kafka_java() { "$(java17_home)/bin/java" -Dlog4j2.configurationFile="file:$KAFKA_STATE/log4j2.properties" -cp "$KAFKA_LIB/*" "$@"; }

write_kafka_config() {
  mkdir -p "$KAFKA_STATE"
  cat >"$KAFKA_STATE/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_STATE/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# topics are created explicitly from deploy/kafka/topics; a typo must not invent a new one
auto.create.topics.enable=false
# the default 128 MiB dedupe buffer does not fit the small heap
log.cleaner.dedupe.buffer.size=8388608
EOF
  cat >"$KAFKA_STATE/log4j2.properties" <<EOF
appender.f.type = File
appender.f.name = F
appender.f.fileName = $CPQ_LOGS/kafka.log
appender.f.layout.type = PatternLayout
appender.f.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.f.ref = F
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
EOF
}

kafka_topics() { kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@"; }

create_topics() { # one metadata request lists what exists; only missing topics cost a creation
  local topic partitions existing
  existing=$(kafka_topics --list)
  while read -r topic partitions _; do
    [[ -z $topic || $topic == \#* ]] && continue
    grep -qx "$topic" <<<"$existing" && continue
    kafka_topics --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1
  done <"$CPQ_ROOT/deploy/kafka/topics"
}

start_kafka() {
  local log=$CPQ_LOGS/kafka.log out=$CPQ_LOGS/kafka-stdout.log
  mkdir -p "$CPQ_LOGS"
  if pid_alive "$KAFKA_STATE/kafka.pid"; then
    say "kafka: running on 127.0.0.1:$KAFKA_PORT"
  else
    require_free_port "$KAFKA_PORT" kafka
    require_free_port "$KAFKA_CONTROLLER_PORT" "kafka controller"
    kafka_dist
    write_kafka_config
    if [[ ! -f $KAFKA_STATE/data/meta.properties ]]; then
      step "kafka: format storage" "$CPQ_LOGS/kafka-format.log" kafka_java kafka.tools.StorageTool format \
        -c "$KAFKA_STATE/server.properties" -t "$(kafka_java kafka.tools.StorageTool random-uuid)"
    fi
    : >"$log"
    # shellcheck disable=SC2086
    nohup "$(java17_home)/bin/java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseSerialGC \
      -Dlog4j2.configurationFile="file:$KAFKA_STATE/log4j2.properties" -cp "$KAFKA_LIB/*" \
      kafka.Kafka "$KAFKA_STATE/server.properties" >"$out" 2>&1 </dev/null &
    echo $! >"$KAFKA_STATE/kafka.pid"
    local end=$((SECONDS + 120))
    until grep -q 'Kafka Server started' "$log" 2>/dev/null; do
      pid_alive "$KAFKA_STATE/kafka.pid" || die "kafka exited during start (see $log and $out)"
      ((SECONDS < end)) || die "kafka not ready after 120s (see $log)"
      sleep 0.2
    done
    say "kafka: started $KAFKA_VERSION (pid $(cat "$KAFKA_STATE/kafka.pid"))"
  fi
  # a real metadata round trip, and the suite's topics
  step "kafka: topics" "$CPQ_LOGS/kafka-topics.log" create_topics
}

stop_kafka() {
  if pid_alive "$KAFKA_STATE/kafka.pid"; then
    local pid
    pid=$(cat "$KAFKA_STATE/kafka.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    say "kafka: stopped"
  fi
  rm -f "$KAFKA_STATE/kafka.pid"
}

write_services_env() {
  ensure_secrets
  cat >"$CPQ_STATE/services.env" <<EOF
# written by deploy/cpq services: connection settings for tests and tools
export CPQ_PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/cpq
export CPQ_PG_USER=cpq
export CPQ_PG_PASSWORD=$CPQ_PG_ADMIN_PASSWORD
export CPQ_REDIS_URL=redis://127.0.0.1:$REDIS_PORT
export CPQ_REDIS_CLUSTER_NODES=127.0.0.1:$REDIS_CLUSTER_PORT,127.0.0.1:$((REDIS_CLUSTER_PORT + 1)),127.0.0.1:$((REDIS_CLUSTER_PORT + 2))
export CPQ_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
export CPQ_DEPLOY_SCRIPT=$CPQ_ROOT/deploy/cpq
EOF
}

services_start() { # [component...]
  local c comps=("$@")
  ((${#comps[@]})) || comps=(postgres redis kafka)
  ensure_packages
  for c in "${comps[@]}"; do
    case $c in
      postgres) start_postgres ;;
      redis) start_redis ;;
      kafka) start_kafka ;;
      redis-cluster) start_redis_cluster ;;
      edge) start_edge ;;
      *) die "unknown component '$c' (postgres, redis, kafka, redis-cluster, edge)" ;;
    esac
  done
  write_services_env
}

services_stop() { # [component...]
  local c comps=("$@")
  ((${#comps[@]})) || comps=(edge redis-cluster kafka redis postgres)
  for c in "${comps[@]}"; do
    case $c in
      postgres) stop_postgres ;;
      redis) stop_redis ;;
      kafka) stop_kafka ;;
      redis-cluster) stop_redis_cluster ;;
      edge) stop_edge ;;
      *) die "unknown component '$c' (postgres, redis, kafka, redis-cluster, edge)" ;;
    esac
  done
}

# The fault toolkit acts on the real processes: the pid of a component, and SIGSTOP/SIGCONT to make it
# hang (connections stay open, nothing answers) rather than go away.
service_pid() { # component
  case $1 in
    postgres) local data; data=$(pg_data_dir); pg_running && head -1 "$data/postmaster.pid" ;;
    redis) pid_alive "$REDIS_STATE/redis.pid" && head -1 "$REDIS_STATE/redis.pid" ;;
    kafka) pid_alive "$KAFKA_STATE/kafka.pid" && head -1 "$KAFKA_STATE/kafka.pid" ;;
    edge) pid_alive "$EDGE_PID" && head -1 "$EDGE_PID" ;;
    *) die "no pid for '$1' (postgres, redis, kafka, edge)" ;;
  esac
}

services_signal() { # STOP|CONT component...
  local sig=$1 c pid
  shift
  (($#)) || die "pause/resume need a component (postgres, redis, kafka)"
  for c in "$@"; do
    pid=$(service_pid "$c") || die "$c is not running"
    kill -"$sig" "$pid"
    say "$c: SIG$sig sent to pid $pid"
  done
}

services_status() {
  local data pg_pid="-" pg_v="-"
  data=$(pg_data_dir)
  if pg_running; then
    pg_pid=$(head -1 "$data/postmaster.pid")
    pg_v=$("$(pg_bin)/postgres" --version | awk '{print $3}')
    printf '%-10s %-5s %-16s pid %-8s %s\n' postgres up "127.0.0.1:$PG_PORT" "$pg_pid" "$pg_v"
  else
    printf '%-10s %-5s %-16s\n' postgres down "127.0.0.1:$PG_PORT"
  fi
  if pid_alive "$REDIS_STATE/redis.pid"; then
    printf '%-10s %-5s %-16s pid %-8s %s\n' redis up "127.0.0.1:$REDIS_PORT" "$(cat "$REDIS_STATE/redis.pid")" \
      "$(redis-server --version | awk '{print $3}' | cut -d= -f2)"
  else
    printf '%-10s %-5s %-16s\n' redis down "127.0.0.1:$REDIS_PORT"
  fi
  if pid_alive "$REDIS_CLUSTER_STATE/$REDIS_CLUSTER_PORT/redis.pid"; then
    printf '%-10s %-5s %-16s %s\n' redis-cl up "127.0.0.1:$REDIS_CLUSTER_PORT" "3 masters (optional cluster)"
  fi
  if pid_alive "$KAFKA_STATE/kafka.pid"; then
    printf '%-10s %-5s %-16s pid %-8s %s\n' kafka up "127.0.0.1:$KAFKA_PORT" "$(cat "$KAFKA_STATE/kafka.pid")" "$KAFKA_VERSION"
  else
    printf '%-10s %-5s %-16s\n' kafka down "127.0.0.1:$KAFKA_PORT"
  fi
}
