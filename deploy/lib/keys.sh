# shellcheck shell=bash
# The development token signer: an RSA key pair generated once under .cpq/keys, its public half
# published as a JWKS file that the services verify against, and `deploy/cpq token` to mint tokens.

KEYS_DIR=$CPQ_STATE/keys

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

ensure_keys() {
  ensure_internal_call_key
  ensure_metrics_scrape_token
  ensure_service_identity_key
  [[ -f $KEYS_DIR/jwks.json && -f $KEYS_DIR/signing-key.pem ]] && return 0
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS_DIR/signing-key.pem" 2>/dev/null \
    || die "could not generate the development signing key"
  chmod 600 "$KEYS_DIR/signing-key.pem"
  local modulus n kid
  modulus=$(openssl rsa -in "$KEYS_DIR/signing-key.pem" -noout -modulus 2>/dev/null | cut -d= -f2)
  n=$(printf '%s' "$modulus" | perl -ne 'print pack("H*", $_)' | b64url)
  kid=$(printf '%s' "$n" | sha256sum | cut -c1-16)
  # public exponent 65537 = AQAB
  printf '{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"AQAB"}]}\n' "$kid" "$n" >"$KEYS_DIR/jwks.json"
  echo "$kid" >"$KEYS_DIR/kid"
  say "keys: development signing key generated ($KEYS_DIR)"
}

# The key services mark their calls to each other with (quote -> catalog, pricing), so such a call is not
# counted against the caller's rate limit a second time; only the domain's JVM reads it.
ensure_internal_call_key() {
  [[ -f $KEYS_DIR/internal-call.key ]] && return 0
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  (umask 077 && openssl rand -hex 32 >"$KEYS_DIR/internal-call.key") || die "could not generate the internal call key"
}

# The key the services sign their own SERVICE tokens with (schedules, consumers: work no user request
# carries); not the user token issuer's key, and its tokens have an issuer and audience of their own.
ensure_service_identity_key() {
  [[ -f $KEYS_DIR/service-identity.pem ]] && return 0
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS_DIR/service-identity.pem" 2>/dev/null) \
    || die "could not generate the service identity key"
}

# The token a metrics scraper presents to /metrics (Authorization: Bearer <token>): its series are labelled
# by tenant, and tenant ids are not public. Prometheus reads it with authorization.credentials_file.
ensure_metrics_scrape_token() {
  [[ -f $KEYS_DIR/metrics-scrape.token ]] && return 0
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  (umask 077 && openssl rand -hex 32 >"$KEYS_DIR/metrics-scrape.token") || die "could not generate the metrics scrape token"
}

# mint_token TENANT ROLES(comma-separated) TTL_SECONDS SUBJECT
mint_token() {
  local tenant=$1 roles=$2 ttl=$3 sub=$4 now header payload roles_json signature
  ensure_keys
  [[ $tenant =~ ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$ ]] || die "tenant must be letters, digits, '-' or '_' (got '$tenant')"
  [[ $roles =~ ^[A-Z_]+(,[A-Z_]+)*$ ]] || die "roles are a comma-separated list such as SALES_AGENT,OPERATOR"
  [[ $sub =~ ^[A-Za-z0-9._@-]{1,128}$ ]] || die "subject must be a simple user name (got '$sub')"
  now=$(date +%s)
  roles_json=$(printf '"%s",' ${roles//,/ })
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$(cat "$KEYS_DIR/kid")" | b64url)
  payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","tenant":"%s","roles":[%s],"iat":%d,"nbf":%d,"exp":%d,"jti":"%s"}' \
    "$TOKEN_ISSUER" "$TOKEN_AUDIENCE" "$sub" "$tenant" "${roles_json%,}" "$now" "$now" "$((now + ttl))" "$(openssl rand -hex 12)" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS_DIR/signing-key.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

ttl_seconds() { # 90s, 30m, 1h, 2d or plain seconds
  local t=$1
  case $t in
    *s) echo "${t%s}" ;;
    *m) echo $((${t%m} * 60)) ;;
    *h) echo $((${t%h} * 3600)) ;;
    *d) echo $((${t%d} * 86400)) ;;
    *[!0-9]* | '') die "--ttl takes a duration such as 90s, 30m, 1h or 2d (got '$t')" ;;
    *) echo "$t" ;;
  esac
}
