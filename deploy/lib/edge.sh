# shellcheck shell=bash
# The edge: HAProxy (Debian's package) as the single public entry on 127.0.0.1:EDGE_PORT, in front of
# GlassFish's HTTP listener, state under .cpq/edge, log in .cpq/logs/edge.log. It routes /catalog/api,
# /pricing/api and /quote/api to GlassFish and answers everything else itself, always as an RFC 9457
# problem: malformed request targets (what GlassFish would refuse with an empty body or, for an
# incomplete escape, an empty 200), anything HAProxy refuses on its own (a header section over its cap,
# a header section that does not arrive), and any error GlassFish answers without a JSON body.
# Services call each other on GlassFish's port directly (internal calls do not pass the edge).

EDGE_STATE=$CPQ_STATE/edge
EDGE_CONFIG=$EDGE_STATE/haproxy.cfg
EDGE_PID=$EDGE_STATE/haproxy.pid
EDGE_ERRORS=$EDGE_STATE/errors
EDGE_LOG=$CPQ_LOGS/edge.log
# HAProxy holds a request's whole header section (request line included) in one buffer of
# EDGE_BUFFER_BYTES, less EDGE_REWRITE_BYTES kept free for its own rewrites: 248 KiB. Up to GlassFish's
# 160 KiB (GF_MAX_HEADER_BYTES) a request reaches the application (a 128 KiB bearer token gets the API's
# 401); from 160 to 248 KiB GlassFish refuses it with a bare 400, which the edge answers as the 400
# problem. Above 248 KiB HAProxy's parser refuses it, and HAProxy 2.6 sends its parser's errors (also
# for a request line that is no HTTP, or raw control bytes) as its built-in HTML page: no errorfile or
# rule applies before a request is parsed (fixed upstream in 3.2). That page names no server.
# Memory: up to 4 buffers per active connection (1 MiB), none for an idle one.
EDGE_BUFFER_BYTES=262144
EDGE_REWRITE_BYTES=8192
EDGE_MAX_CONNECTIONS=1000
# the edge's client and server timeouts exceed GlassFish's 30 s read timeout: a body that stops
# arriving gets the application's 408 REQUEST_TIMEOUT problem, not an edge timeout
EDGE_TIMEOUT=65s

haproxy_bin() { command -v haproxy 2>/dev/null || { [[ -x /usr/sbin/haproxy ]] && echo /usr/sbin/haproxy; }; }

ensure_edge_package() {
  [[ -n $(haproxy_bin) ]] || apt_install haproxy
}

edge_version() { "$(haproxy_bin)" -v 2>/dev/null | awk 'NR == 1 {print $3}'; }

# errorfile: a whole raw HTTP response; body: the problem alone (for `return ... file`)
write_edge_problem() { # STATUS CODE TITLE DETAIL NAME
  local body
  body=$(problem_json "$1" "$2" "$3" "$4")
  printf '%s\n' "$body" >"$EDGE_ERRORS/$5.problem"
  printf 'HTTP/1.1 %s %s\r\nContent-Type: application/problem+json\r\nContent-Length: %s\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n%s\n' \
    "$1" "$3" "$(($(printf '%s' "$body" | wc -c) + 1))" "$body" >"$EDGE_ERRORS/$5.http"
}

write_edge_config() { # FILE
  local entry status code title detail errorfiles="" rewrites=""
  mkdir -p "$EDGE_ERRORS"
  for entry in "${CPQ_CONTAINER_PROBLEMS[@]}" \
    "502|BAD_GATEWAY|Bad gateway|The service answered improperly; retry shortly." \
    "504|GATEWAY_TIMEOUT|Gateway timeout|The service did not answer in time; retry shortly."; do
    IFS='|' read -r status code title detail <<<"$entry"
    write_edge_problem "$status" "$code" "$title" "$detail" "$status"
    # the statuses HAProxy can answer from a file (its own 400, 408, 503, ... never name it)
    case $status in 400 | 403 | 404 | 405 | 408 | 413 | 500 | 501 | 502 | 503 | 504)
      errorfiles+="    errorfile $status $EDGE_ERRORS/$status.http"$'\n' ;;
    esac
    # an error GlassFish answered without a JSON body (Grizzly's bare 400, an HTML page) becomes the problem of its status
    rewrites+="    http-response return status $status content-type application/problem+json file $EDGE_ERRORS/$status.problem hdr Cache-Control no-store if { status $status } !json_body"$'\n'
  done
  write_edge_problem 400 MALFORMED_URI "Malformed URI" \
    "The request target holds an invalid percent-escape, a control character, a non-ASCII byte or an encoded slash or backslash." \
    malformed-uri
  cat >"$1" <<EOF
# written by deploy/cpq (deploy/lib/edge.sh) from the ports; edits are overwritten
global
    log stdout format raw local0 info
    maxconn $EDGE_MAX_CONNECTIONS
    tune.bufsize $EDGE_BUFFER_BYTES
    tune.maxrewrite $EDGE_REWRITE_BYTES

defaults
    mode http
    log global
    option httplog
    timeout connect 5s
    timeout client $EDGE_TIMEOUT
    timeout server $EDGE_TIMEOUT
    timeout http-request 15s
    timeout http-keep-alive 30s
    timeout queue 10s
    timeout check 5s
${errorfiles}
frontend public
    bind 127.0.0.1:$EDGE_PORT
    maxconn $EDGE_MAX_CONNECTIONS
    capture response header X-Request-Id len 64
    # an escape that is not % and two hex digits (GlassFish answers an empty 200 for %zz)
    acl bad_escape url -m reg %(\$|.\$|[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f])
    # control characters (%00: GlassFish's bare 400), bytes above ASCII (no id of the API has one; %ff is no
    # UTF-8 at all), and encoded slashes and backslashes (..%2F..%2F)
    acl bad_byte path -m reg -i %(0[0-9A-F]|1[0-9A-F]|7F|[89A-F][0-9A-F]|2F|5C)
    acl api path -m reg ^/(catalog|pricing|quote)/api(/|\$)
    http-request return status 400 content-type application/problem+json file $EDGE_ERRORS/malformed-uri.problem hdr Cache-Control no-store if bad_escape || bad_byte
    # everything outside the three APIs (/, /quote without its /api, GlassFish's own paths) is unknown here
    http-request return status 404 content-type application/problem+json file $EDGE_ERRORS/404.problem hdr Cache-Control no-store unless api
    default_backend glassfish

backend glassfish
    acl json_body res.hdr(content-type) -m sub json
${rewrites}    http-response del-header Server
    http-response del-header X-Powered-By
    # ready = the HTTP listener serves a deployed application: a path that needs neither PostgreSQL nor Redis,
    # so a Redis outage (which /health reports as 503) does not take the only instance out
    option httpchk
    # HEAD: a check reads the status and closes; a GET's body written to the closed connection is a SEVERE
    # "Connection is closed" in server.log every few checks
    http-check send meth HEAD uri /catalog/api/openapi.json
    http-check expect status 200
    # idle server connections are closed within seconds, long before GlassFish's 30 s keep-alive timeout
    # would close one under a request being sent on it
    server glassfish-1 127.0.0.1:$GF_HTTP_PORT check inter 2s fall 3 rise 1 pool-purge-delay 1s
EOF
}

edge_running() { pid_alive "$EDGE_PID"; }

edge_listening() { edge_running && [[ -n $(ss -ltnH "sport = :$EDGE_PORT") ]]; }

start_edge() {
  ensure_edge_package
  mkdir -p "$EDGE_STATE" "$CPQ_LOGS"
  write_edge_config "$EDGE_CONFIG.new"
  if edge_running; then
    if cmp -s "$EDGE_CONFIG.new" "$EDGE_CONFIG"; then
      rm -f "$EDGE_CONFIG.new"
      say "edge: running on 127.0.0.1:$EDGE_PORT"
      return
    fi
    stop_edge
  fi
  mv "$EDGE_CONFIG.new" "$EDGE_CONFIG"
  require_free_port "$EDGE_PORT" edge
  local haproxy
  haproxy=$(haproxy_bin)
  step "edge: check configuration" "$EDGE_LOG" "$haproxy" -c -q -f "$EDGE_CONFIG"
  # in the foreground (-db) under nohup: its log goes to stdout, into edge.log
  nohup "$haproxy" -db -f "$EDGE_CONFIG" >>"$EDGE_LOG" 2>&1 </dev/null &
  echo $! >"$EDGE_PID"
  # listening, seen by ss: a connect() probe to a port nobody listens on yet can be given that same port as
  # its own source port (a loopback self-connection), which then holds it and HAProxy's bind fails
  wait_for 20 edge "$EDGE_LOG" edge_listening
  say "edge: HAProxy $(edge_version) on 127.0.0.1:$EDGE_PORT -> glassfish 127.0.0.1:$GF_HTTP_PORT (pid $(cat "$EDGE_PID"))"
}

# the edge started and GlassFish behind it serving: what up, deploy and test leave
edge_up() {
  start_edge
  wait_for 60 "edge -> glassfish" "$EDGE_LOG" bash -c \
    "[[ \$(curl -s -o /dev/null -m 10 -w '%{http_code}' http://127.0.0.1:$EDGE_PORT/catalog/api/openapi.json) == 200 ]]"
}

stop_edge() {
  if edge_running; then
    local pid
    pid=$(cat "$EDGE_PID")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    say "edge: stopped"
  fi
  rm -f "$EDGE_PID"
}

edge_status() {
  if edge_running; then
    printf '%-10s %-5s %-16s pid %-8s %s\n' edge up "127.0.0.1:$EDGE_PORT" "$(cat "$EDGE_PID")" "HAProxy $(edge_version)"
  else
    printf '%-10s %-5s %-16s\n' edge down "127.0.0.1:$EDGE_PORT"
  fi
}
