# shellcheck shell=bash
# GlassFish 7 from Maven Central, one domain of our own under .cpq/, configured by script:
# JDBC driver, one pool + jdbc/<service> resource per service (own role and schema), JVM heap,
# HTTP threads, and the cpq.* system properties that ServiceConfiguration reads.

GF_HOME=$CPQ_STATE/glassfish7
GF_DOMAINS=$CPQ_STATE/glassfish-domains
GF_DOMAIN=cpq
GF_DOMAIN_DIR=$GF_DOMAINS/$GF_DOMAIN
GF_LOG=$GF_DOMAIN_DIR/logs/server.log
GF_CONFIG_MARK=$GF_DOMAIN_DIR/.cpq-configured
GF_DEPLOYED=$GF_DOMAIN_DIR/.cpq-deployed
# the largest request header section the HTTP listener accepts (bytes): 128 KiB of token + 32 KiB
GF_MAX_HEADER_BYTES=163840

asadmin() {
  # start-domain gives up after ~60 s by default while the server keeps booting
  AS_JAVA=$(java17_home) AS_START_TIMEOUT=300000 timeout 600 "$GF_HOME/bin/asadmin" \
    --user admin --port "$GF_ADMIN_PORT" --interactive=false "$@"
}

gf_pid_file() { echo "$GF_DOMAIN_DIR/config/pid"; }

gf_running() { pid_alive "$(gf_pid_file)" && port_open "$GF_ADMIN_PORT"; }

install_glassfish() {
  [[ -x $GF_HOME/bin/asadmin ]] && return 0
  local dl=$CPQ_STATE/downloads log=$CPQ_LOGS/glassfish-install.log
  mkdir -p "$dl"
  step "glassfish: resolve $GLASSFISH_VERSION from Maven Central" "$log" \
    mvn_quiet org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.glassfish.main.distributions:glassfish:$GLASSFISH_VERSION:zip" -DoutputDirectory="$dl"
  step "glassfish: unpack" "$log" unzip -q -o "$dl/glassfish-$GLASSFISH_VERSION.zip" -d "$CPQ_STATE"
  step "postgresql jdbc driver $POSTGRESQL_JDBC_VERSION" "$log" \
    mvn_quiet org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.postgresql:postgresql:$POSTGRESQL_JDBC_VERSION" -DoutputDirectory="$dl"
}

create_domain() {
  [[ -d $GF_DOMAIN_DIR ]] && return 0
  require_free_port "$GF_ADMIN_PORT" "glassfish admin"
  require_free_port "$GF_HTTP_PORT" "glassfish http"
  local log=$CPQ_LOGS/glassfish-install.log
  step "glassfish: create domain '$GF_DOMAIN' (ports $GF_PORT_BASE+)" "$log" \
    asadmin create-domain --nopassword=true --portbase "$GF_PORT_BASE" --domaindir "$GF_DOMAINS" "$GF_DOMAIN"
  # the driver in the domain's lib is on every pool's class path (what add-library does, before the first start)
  cp "$CPQ_STATE/downloads/postgresql-$POSTGRESQL_JDBC_VERSION.jar" "$GF_DOMAIN_DIR/lib/"
  rm -f "$GF_CONFIG_MARK" "$GF_DEPLOYED"
}

# The valve that labels the container's own error answers application/problem+json
# (deploy/glassfish/problem-error-report), compiled against the installation's modules into a jar in the
# domain's lib: the virtual server loads the class its errorReportValve property names with the common
# class loader, once, when the web container starts; a changed valve restarts the domain.
GF_PROBLEM_VALVE_SRC=$CPQ_ROOT/deploy/glassfish/problem-error-report
GF_PROBLEM_VALVE_CLASS=dev.cpq.container.ProblemErrorReportValve
GF_PROBLEM_VALVE_JAR=$GF_DOMAIN_DIR/lib/cpq-problem-error-report.jar

install_problem_valve() {
  local sum build
  sum=$(cat "$GF_PROBLEM_VALVE_SRC"/dev/cpq/container/*.java | sha256sum | cut -c1-16)
  [[ -f $GF_PROBLEM_VALVE_JAR && $(cat "$GF_PROBLEM_VALVE_JAR.sum" 2>/dev/null) == "$sum" ]] && return 0
  if pid_alive "$(gf_pid_file)"; then stop_glassfish; fi
  build=$CPQ_STATE/problem-error-report
  rm -rf "$build" && mkdir -p "$build/classes"
  step "glassfish: problem error report valve" "$CPQ_LOGS/glassfish-install.log" bash -c "
    '$(java17_home)/bin/javac' --release 17 -cp '$GF_HOME/glassfish/modules/*' -d '$build/classes' '$GF_PROBLEM_VALVE_SRC'/dev/cpq/container/*.java &&
    '$(java17_home)/bin/jar' --create --file '$GF_PROBLEM_VALVE_JAR' -C '$build/classes' ."
  echo "$sum" >"$GF_PROBLEM_VALVE_JAR.sum"
}

start_glassfish() {
  if gf_running; then
    say "glassfish: running (admin 127.0.0.1:$GF_ADMIN_PORT)"
    return
  fi
  require_free_port "$GF_ADMIN_PORT" "glassfish admin"
  require_free_port "$GF_HTTP_PORT" "glassfish http"
  step "glassfish: start domain" "$CPQ_LOGS/glassfish-start.log" asadmin start-domain --domaindir "$GF_DOMAINS" "$GF_DOMAIN"
}

restart_glassfish() {
  step "glassfish: stop domain" "$CPQ_LOGS/glassfish-start.log" asadmin stop-domain --domaindir "$GF_DOMAINS" "$GF_DOMAIN"
  step "glassfish: start domain" "$CPQ_LOGS/glassfish-start.log" asadmin start-domain --domaindir "$GF_DOMAINS" "$GF_DOMAIN"
}

stop_glassfish() {
  [[ -d $GF_DOMAIN_DIR ]] || return 0
  local pid_file
  pid_file=$(gf_pid_file)
  if pid_alive "$pid_file"; then
    local pid
    pid=$(cat "$pid_file")
    asadmin stop-domain --domaindir "$GF_DOMAINS" "$GF_DOMAIN" >>"$CPQ_LOGS/glassfish-start.log" 2>&1 || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    say "glassfish: stopped"
  fi
}

# What the domain's configuration depends on: when any of it changes, the domain is configured again.
gf_config_fingerprint() {
  ensure_secrets
  printf '%s\n' "v23" "$PG_PORT" "$REDIS_PORT" "$KAFKA_PORT" "$GF_HEAP" "${CPQ_SERVICES[*]}" "$CORS_ORIGINS" "$RATE_LIMIT_PER_MINUTE" "$DECISION_RECONCILIATION_INTERVAL_MS" \
    "$(cat "$SECRETS")" "$CPQ_STATE" | sha256sum | cut -d' ' -f1
}

# asadmin property lists separate with ':'; a literal ':' inside a value is written '\:'
gf_escape() { printf '%s' "$1" | sed 's/:/\\:/g'; }

configure_domain() {
  local log=$CPQ_LOGS/glassfish-config.log fp
  # the pools need the service passwords in this shell (the fingerprint's subshell loads them only there)
  ensure_secrets
  fp=$(gf_config_fingerprint)
  if [[ -f $GF_CONFIG_MARK && $(cat "$GF_CONFIG_MARK") == "$fp" ]]; then
    say "glassfish: configuration unchanged"
    return 1
  fi
  step "glassfish: configure domain" "$log" apply_domain_configuration
  echo "$fp" >"$GF_CONFIG_MARK"
  return 0
}

# 7/16 of a heap size given as <n>g or <n>m, in MiB ("1g" -> "448m").
young_generation() {
  local size=$1 mib
  case $size in
    *[gG]) mib=$(( ${size%[gG]} * 1024 )) ;;
    *[mM]) mib=${size%[mM]} ;;
    *) die "CPQ_GLASSFISH_HEAP must be <n>g or <n>m, not $size" ;;
  esac
  echo "$(( mib * 7 / 16 ))m"
}

apply_domain_configuration() {
  local cfg=configs.config.server-config opt
  # JVM: a fixed heap with a large young generation under the parallel collector. Request garbage dies
  # young: with 7/16 of the heap young, a collection comes every few seconds under load and takes ~7 ms,
  # and little is promoted. (SerialGC's small young generation promoted request garbage and its ~200 ms
  # full collections were the p99 of cached reads; G1 collected every ~0.7 s for ~20 ms under the quote
  # flow benchmark.)
  for opt in $(asadmin list-jvm-options | grep -E '^-Xm[nsx]|^-XX:\+Use.*GC|^-XX:MaxGCPauseMillis|^-Duser.timezone='); do
    asadmin delete-jvm-options -- "$(gf_escape "$opt")"
  done
  asadmin create-jvm-options -- "-Xms$GF_HEAP:-Xmx$GF_HEAP:-Xmn$(young_generation "$GF_HEAP"):-XX\:+UseParallelGC:-Duser.timezone=UTC"
  # an empty product name: no "Server: Eclipse GlassFish 7.0.x" header and no version on the container's own pages
  if ! asadmin list-jvm-options | grep -qx -- '-Dproduct.name='; then asadmin create-jvm-options -- '-Dproduct.name='; fi
  # One log sink, server.log, written by GlassFish's asynchronous pump: the console handler wrote and flushed
  # every record synchronously on the request thread. GlassFish's JTA interceptors log every @Transactional
  # call at INFO (AS-JTA-00004/6/7/9/10/13: three lines per command, 100 MB of log per half hour under load).
  asadmin set-log-attributes handlers=org.glassfish.main.jul.handler.GlassFishLogHandler
  asadmin set-log-levels jakarta.enterprise.resource.jta=WARNING
  # 5 HTTP threads (the default) starve everything. Services call each other over HTTP inside this one
  # server (pricing -> catalog, quote -> pricing/catalog): an outer request holds its thread while the
  # inner one needs another, so the pool must exceed the concurrent outer requests (measured: 24 threads
  # under 50 clients deadlocked until the 2 s client timeout)
  asadmin set "$cfg.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64"
  asadmin set "$cfg.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8"
  # a token's role claims arrive as groups; map each group onto the application role of the same name
  asadmin set "$cfg.security-service.activate-default-principal-to-role-mapping=true"
  # cleartext HTTP/2 upgrades (h2c) end in RST_STREAM protocol errors on POSTs here: HTTP/1.1 only
  asadmin set "$cfg.network-config.protocols.protocol.http-listener-1.http.http2-enabled=false"
  # Grizzly refuses a request whose header section exceeds this (a bare 400, empty body, before any
  # application runs). 160 KiB: a bearer token up to 128 KiB plus 32 KiB of other headers reaches the
  # application and gets the API's 401 problem (it refuses tokens over 8 KiB); above the cap the
  # container's bare 400 remains (docs/runbook.md)
  asadmin set "$cfg.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=$GF_MAX_HEADER_BYTES"
  # no X-Powered-By banner in responses (the Server header goes with product.name above)
  asadmin set "$cfg.network-config.protocols.protocol.http-listener-1.http.xpowered-by=false"
  # the container's own error answers (unknown path, bad encoding, ... before or outside any application)
  # are the API's problem bodies, not GlassFish's HTML report page
  configure_problem_error_pages
  # listen on loopback only
  asadmin set "$cfg.network-config.network-listeners.network-listener.http-listener-1.address=127.0.0.1"
  asadmin set "$cfg.network-config.network-listeners.network-listener.http-listener-2.address=127.0.0.1"
  asadmin set "$cfg.network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1"
  asadmin set "$cfg.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1"
  asadmin set "$cfg.iiop-service.iiop-listener.SSL.address=127.0.0.1"
  asadmin set "$cfg.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1"
  # the settings ServiceConfiguration reads (one place per service)
  asadmin create-system-properties "$(gf_escape "cpq.redis.url=redis://127.0.0.1:$REDIS_PORT"):$(gf_escape "cpq.kafka.bootstrap-servers=127.0.0.1:$KAFKA_PORT"):$(gf_escape "cpq.auth.jwks-file=$KEYS_DIR/jwks.json"):$(gf_escape "cpq.internal-calls.key-file=$KEYS_DIR/internal-call.key"):$(gf_escape "cpq.metrics.scrape-token-file=$KEYS_DIR/metrics-scrape.token"):$(gf_escape "cpq.service-identity.key-file=$KEYS_DIR/service-identity.pem"):cpq.quote.decision-reconciliation.interval-ms=$DECISION_RECONCILIATION_INTERVAL_MS:cpq.auth.issuer=$TOKEN_ISSUER:cpq.auth.audience=$TOKEN_AUDIENCE:cpq.rate-limit.per-minute=$RATE_LIMIT_PER_MINUTE:$(gf_escape "cpq.catalog.base-url=http://127.0.0.1:$GF_HTTP_PORT/catalog/api"):$(gf_escape "cpq.pricing.base-url=http://127.0.0.1:$GF_HTTP_PORT/pricing/api")"
  # origins hold ':' and ',' cannot be escaped there: a property of its own
  asadmin create-system-properties "$(gf_escape "cpq.cors.allowed-origins=$CORS_ORIGINS")"
  local svc pool
  for svc in "${CPQ_SERVICES[@]}"; do
    pool=${svc}Pool
    if asadmin list-jdbc-resources | grep -qx "jdbc/$svc"; then asadmin delete-jdbc-resource "jdbc/$svc"; fi
    if asadmin list-jdbc-connection-pools | grep -qx "$pool"; then asadmin delete-jdbc-connection-pool "$pool"; fi
    # A connection is validated at most once a second, not on every borrow: under load the SELECT 1 before
    # each command's connection cost as much as the command's own statements. One that broke since its last
    # validation is handed out until that second has passed (every handout fails its statement: a 503
    # DATABASE_UNAVAILABLE); then validation fails and --failconnection replaces every connection of the pool
    # at once. With 10 s, a broken connection at the head of the free list kept failing every request for up
    # to 10 s after each breakage, 24 s in one PostgreSQL restart (PostgresRestartScenarioTest).
    asadmin create-jdbc-connection-pool \
      --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
      --steadypoolsize 2 --maxpoolsize 32 --maxwait 10000 \
      --isconnectvalidatereq=true --validationmethod custom-validation \
      --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
      --validateatmostonceperiod 1 \
      --failconnection=true \
      --property "serverName=127.0.0.1:portNumber=$PG_PORT:databaseName=cpq:user=$svc:password=$(service_password "$svc"):currentSchema=$svc:ApplicationName=$svc-service" \
      "$pool"
    asadmin ping-connection-pool "$pool"
    asadmin create-jdbc-resource --connectionpoolid "$pool" "jdbc/$svc"
  done
}

# Problem bodies for the statuses the container answers itself, one file per status under the domain's
# config (not docroot: not served as content), served by the virtual server's send-error pages with the
# content type of their extension (.problem -> application/problem+json, mapped in default-web.xml).
# What Grizzly refuses before the web container runs (a header section over GF_MAX_HEADER_BYTES, an
# undecodable URI such as %00) stays a bare 400 with an empty body when GlassFish is called directly;
# the edge in front (deploy/lib/edge.sh) refuses those itself or turns them into problems (docs/runbook.md).
GF_ERROR_PAGES=$GF_DOMAIN_DIR/config/cpq-errors

configure_problem_error_pages() {
  local vs=configs.config.server-config.http-service.virtual-server.server n=0 entry status code title detail
  mkdir -p "$GF_ERROR_PAGES"
  for entry in "${CPQ_CONTAINER_PROBLEMS[@]}"; do
    IFS='|' read -r status code title detail <<<"$entry"
    problem_json "$status" "$code" "$title" "$detail" >"$GF_ERROR_PAGES/$status.problem"
    n=$((n + 1))
    asadmin set "$vs.property.send-error_$n=code=$status path=$GF_ERROR_PAGES/$status.problem"
  done
  # labels those pages application/problem+json (the stock valve says text/html) and answers a status
  # without a page with a minimal problem instead of the HTML report (install_problem_valve)
  asadmin set "$vs.property.errorReportValve=$GF_PROBLEM_VALVE_CLASS"
  # the root web module serves the docroot: its index.html is GlassFish's "Server Running" page (names the
  # product and links its documentation). Without it, GET / is the 404 problem above like any unknown path.
  rm -f "$GF_DOMAIN_DIR/docroot/index.html"
  # the media type of the pages: one mapping in the defaults every web module (and the root one) inherits
  if ! grep -q '<extension>problem</extension>' "$GF_DOMAIN_DIR/config/default-web.xml"; then
    sed -i 's|</web-app>|  <mime-mapping>\n    <extension>problem</extension>\n    <mime-type>application/problem+json</mime-type>\n  </mime-mapping>\n</web-app>|' \
      "$GF_DOMAIN_DIR/config/default-web.xml"
  fi
}

war_path() { echo "$CPQ_ROOT/${CPQ_WAR_MODULE[$1]}/target/$1-service.war"; }

health_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$GF_HTTP_PORT/$1/api/health"; }

deploy_wars() {
  local svc war sum log=$CPQ_LOGS/glassfish-deploy.log deployed
  touch "$GF_DEPLOYED"
  deployed=$(asadmin list-applications 2>/dev/null || true)
  for svc in "${CPQ_SERVICES[@]}"; do
    war=$(war_path "$svc")
    [[ -f $war ]] || die "$war is missing: build first (deploy/cpq deploy builds it)"
    sum=$(sha256sum "$war" | cut -d' ' -f1)
    if grep -q "^$svc-service " <<<"$deployed" && grep -qx "$svc $sum" "$GF_DEPLOYED"; then
      say "$svc-service: unchanged, not redeployed"
    else
      # A failed deployment leaves a closed EntityManagerFactory and stale pools behind that only a
      # domain restart clears; the next deployment after a failure starts with one.
      if [[ -f $GF_DOMAIN_DIR/.cpq-deploy-failed ]]; then
        say "glassfish: an earlier deployment failed, restarting the domain first"
        restart_glassfish
        rm -f "$GF_DOMAIN_DIR/.cpq-deploy-failed"
      fi
      if ! step_quiet "$log" asadmin deploy --force=true --name "$svc-service" --contextroot "$svc" "$war"; then
        # GlassFish 7.0.21 now and then loses a race defining a package while CDI scans a WAR
        # ("CDI deployment failure: <package>"); a restarted domain deploys the same WAR. One retry, then stop.
        say "$svc-service: deployment failed ($(grep -o 'remote failure: .*' "$log" | tail -1 | cut -c1-160)); restarting the domain and trying once more"
        restart_glassfish
        if ! step_quiet "$log" asadmin deploy --force=true --name "$svc-service" --contextroot "$svc" "$war"; then
          touch "$GF_DOMAIN_DIR/.cpq-deploy-failed"
          die "$svc-service: deployment failed: $(grep -o 'remote failure: .*' "$log" | tail -1 | cut -c1-300) (see $log and $GF_LOG)"
        fi
      fi
      say "$svc-service: deployed"
      grep -v "^$svc " "$GF_DEPLOYED" >"$GF_DEPLOYED.tmp" || true
      echo "$svc $sum" >>"$GF_DEPLOYED.tmp"
      mv "$GF_DEPLOYED.tmp" "$GF_DEPLOYED"
    fi
    wait_for 180 "$svc-service health" "$GF_LOG" bash -c "[[ \$(curl -s -o /dev/null -m 10 -w '%{http_code}' http://127.0.0.1:$GF_HTTP_PORT/$svc/api/health) == 200 ]]"
  done
}

step_quiet() { local log=$1; shift; "$@" >>"$log" 2>&1; }

glassfish_up() {
  install_glassfish
  create_domain
  install_problem_valve
  start_glassfish
  if configure_domain; then
    restart_glassfish # JVM options and the driver take effect on restart
  fi
  deploy_wars
  ensure_server_log_written
}

# Whether server.log is being written now: a request the application logs (a failed request is logged at
# INFO with its path) carrying a unique marker, and the marker found in the file within 10 s.
server_log_written() {
  local marker
  marker="log-check-$(date +%s%N)"
  curl -s -o /dev/null -m 10 "http://127.0.0.1:$GF_HTTP_PORT/${CPQ_SERVICES[0]}/api/$marker" || true
  for _ in $(seq 50); do
    grep -q "$marker" "$GF_LOG" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

# GlassFish now and then stops writing server.log after start-domain (../shared/STACK-NOTES.md); the
# runbook finds incidents there, so `up` proves the log is written and restarts the domain once if not.
ensure_server_log_written() {
  if server_log_written; then
    say "glassfish: server.log is written ($GF_LOG)"
    return 0
  fi
  say "glassfish: server.log is not being written; restarting the domain once"
  restart_glassfish
  local svc
  for svc in "${CPQ_SERVICES[@]}"; do
    wait_for 180 "$svc-service health" "$GF_LOG" bash -c "[[ \$(curl -s -o /dev/null -m 10 -w '%{http_code}' http://127.0.0.1:$GF_HTTP_PORT/$svc/api/health) == 200 ]]"
  done
  server_log_written || die "glassfish: $GF_LOG is still not written after a restart of the domain (see $CPQ_LOGS/glassfish-start.log)"
  say "glassfish: server.log is written after a restart ($GF_LOG)"
}

glassfish_status() {
  if gf_running; then
    printf '%-10s %-5s %-16s pid %-8s %s\n' glassfish up "127.0.0.1:$GF_HTTP_PORT" "$(cat "$(gf_pid_file)")" "$GLASSFISH_VERSION (admin :$GF_ADMIN_PORT)"
    local svc
    for svc in "${CPQ_SERVICES[@]}"; do
      printf '  %-18s %s  http://127.0.0.1:%s/%s/api (health %s)\n' "$svc-service" "$(grep -q "^$svc " "$GF_DEPLOYED" 2>/dev/null && echo deployed || echo absent)" "$GF_HTTP_PORT" "$svc" "$(health_code "$svc")"
    done
  else
    printf '%-10s %-5s %-16s\n' glassfish down "127.0.0.1:$GF_HTTP_PORT"
  fi
}
