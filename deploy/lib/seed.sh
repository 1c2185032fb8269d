# Demo data through the public API, as an administrator would enter it: a catalog of twelve offerings
# in three families with their configuration rules, a price list in two currencies and an approval
# policy. Idempotent: each part is skipped when the tenant already has it.
# shellcheck shell=bash

SEED_BASE="http://127.0.0.1:$GF_HTTP_PORT"
SEED_ETAG=""
SEED_STATUS=""
SEED_BODY=""

# seed_call METHOD PATH [JSON] [HEADER...]  -> SEED_STATUS, SEED_BODY and (when sent) SEED_ETAG set;
# no subshell, so the globals survive for the next call
seed_call() {
  local method=$1 path=$2 body=${3:-} headers out etag
  shift 3 || shift $#
  headers=$(mktemp)
  out=$(mktemp)
  local args=(-sS -X "$method" -D "$headers" -o "$out" -H "Authorization: Bearer $SEED_TOKEN" -H 'Content-Type: application/json')
  local h
  for h in "$@"; do args+=(-H "$h"); done
  [[ -n $body ]] && args+=(--data-binary "$body")
  curl "${args[@]}" "$SEED_BASE$path" || { rm -f "$headers" "$out"; SEED_STATUS=000; SEED_BODY=""; return 0; }
  SEED_STATUS=$(awk 'toupper($1) ~ /^HTTP\// {s=$2} END {print s}' "$headers")
  etag=$(awk 'tolower($1) == "etag:" {gsub(/\r/, ""); e=$2} END {print e}' "$headers")
  [[ -z $etag ]] || SEED_ETAG=$etag
  SEED_BODY=$(cat "$out")
  rm -f "$headers" "$out"
}

# seed_expect CODE... : the last call answered one of these, else stop with its body
seed_expect() {
  local code
  for code in "$@"; do [[ $SEED_STATUS == "$code" ]] && return 0; done
  echo "unexpected HTTP $SEED_STATUS: $SEED_BODY" >&2
  return 1
}

seed_json_field() { # seed_json_field FIELD  (a top-level number or string of the JSON on stdin)
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" | head -1
}

seed_offering() { # seed_offering VERSION ID JSON
  seed_call PUT "/catalog/api/catalog-versions/$1/offerings/$2" "$3" "If-Match: $SEED_ETAG"
  seed_expect 200
}

seed_rules() { # seed_rules VERSION FAMILY JSON
  seed_call PUT "/catalog/api/catalog-versions/$1/rules/$2" "$3" "If-Match: $SEED_ETAG"
  seed_expect 200
}

seed_catalog() {
  local version
  seed_call GET /catalog/api/active-version
  if [[ $SEED_STATUS == 200 ]]; then
    echo "catalog: tenant $DEMO_TENANT already has an active version, skipped"
    return 0
  fi
  seed_expect 404 || return 1
  seed_call POST /catalog/api/catalog-versions '{"description":"Demo catalog"}' "Idempotency-Key: seed-catalog-$DEMO_TENANT-$(date +%s)"
  seed_expect 201 || return 1
  version=$(seed_json_field catalogVersion <<<"$SEED_BODY")
  echo "catalog: draft $version"

  local speed='{"code":"speed","values":["100M","500M","1G","10G"],"required":true}'
  local router='{"code":"router","values":["basic","pro","mesh"],"required":true}'
  local ip='{"code":"static-ip","values":["none","one","block-8"],"required":false}'
  seed_offering "$version" fiber-500 "{\"name\":\"Fiber 500\",\"family\":\"internet\",\"options\":[$speed,$router,$ip]}" || return 1
  seed_offering "$version" fiber-1g "{\"name\":\"Fiber 1 Gbit\",\"family\":\"internet\",\"options\":[$speed,$router,$ip]}" || return 1
  seed_offering "$version" fiber-10g "{\"name\":\"Fiber 10 Gbit Business\",\"family\":\"internet\",\"options\":[$speed,$router,$ip]}" || return 1
  seed_offering "$version" dsl-100 "{\"name\":\"DSL 100\",\"family\":\"internet\",\"options\":[{\"code\":\"speed\",\"values\":[\"100M\"],\"required\":true},$router]}" || return 1

  local data='{"code":"data","values":["5GB","20GB","unlimited"],"required":true}'
  local roaming='{"code":"roaming","values":["none","eu","world"],"required":false}'
  local esim='{"code":"sim","values":["physical","esim"],"required":true}'
  seed_offering "$version" mobile-s "{\"name\":\"Mobile S\",\"family\":\"mobile\",\"options\":[$data,$roaming,$esim]}" || return 1
  seed_offering "$version" mobile-m "{\"name\":\"Mobile M\",\"family\":\"mobile\",\"options\":[$data,$roaming,$esim]}" || return 1
  seed_offering "$version" mobile-l "{\"name\":\"Mobile L\",\"family\":\"mobile\",\"options\":[$data,$roaming,$esim]}" || return 1
  seed_offering "$version" data-sim "{\"name\":\"Data-only SIM\",\"family\":\"mobile\",\"options\":[$data,$esim]}" || return 1

  local package='{"code":"package","values":["basic","plus","premium"],"required":true}'
  local box='{"code":"box","values":["hd","4k","none"],"required":true}'
  local sports='{"code":"sports","values":["no","yes"],"required":false}'
  seed_offering "$version" tv-basic "{\"name\":\"TV Basic\",\"family\":\"tv\",\"options\":[$package,$box]}" || return 1
  seed_offering "$version" tv-plus "{\"name\":\"TV Plus\",\"family\":\"tv\",\"options\":[$package,$box,$sports]}" || return 1
  seed_offering "$version" tv-premium "{\"name\":\"TV Premium\",\"family\":\"tv\",\"options\":[$package,$box,$sports]}" || return 1
  seed_offering "$version" tv-streaming "{\"name\":\"TV Streaming (app only)\",\"family\":\"tv\",\"options\":[$package]}" || return 1

  seed_rules "$version" internet '{"requires":[{"when":{"option":"speed","value":"10G"},"then":{"option":"router","value":"pro"}}],"excludes":[{"when":{"option":"router","value":"basic"},"then":{"option":"static-ip","value":"block-8"}}]}' || return 1
  seed_rules "$version" mobile '{"requires":[{"when":{"option":"roaming","value":"world"},"then":{"option":"data","value":"unlimited"}}],"excludes":[{"when":{"option":"data","value":"5GB"},"then":{"option":"roaming","value":"world"}}]}' || return 1
  seed_rules "$version" tv '{"requires":[{"when":{"option":"sports","value":"yes"},"then":{"option":"package","value":"premium"}}],"excludes":[{"when":{"option":"box","value":"none"},"then":{"option":"package","value":"premium"}}]}' || return 1

  seed_call POST "/catalog/api/catalog-versions/$version/publish" "" "If-Match: $SEED_ETAG" "Idempotency-Key: seed-publish-$DEMO_TENANT-$version"
  seed_expect 200 || return 1
  echo "catalog: version $version published (12 offerings, 3 families with rules)"
}

# seed_prices VERSION OFFERING EUR_ONE_TIME EUR_MONTHLY : EUR in market eu, USD (x1.1) in market us,
# each for the direct channel and (5 % lower) the partner channel
seed_prices() {
  local version=$1 offering=$2 one=$3 monthly=$4 prices
  prices=$(awk -v o="$one" -v m="$monthly" 'BEGIN {
    printf "{\"prices\":["
    printf "{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"oneTime\":%.2f,\"recurring\":%.2f},", o, m
    printf "{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"partner\",\"oneTime\":%.2f,\"recurring\":%.2f},", o * 0.95, m * 0.95
    printf "{\"currency\":\"USD\",\"market\":\"us\",\"channel\":\"direct\",\"oneTime\":%.2f,\"recurring\":%.2f},", o * 1.1, m * 1.1
    printf "{\"currency\":\"USD\",\"market\":\"us\",\"channel\":\"partner\",\"oneTime\":%.2f,\"recurring\":%.2f}", o * 1.045, m * 1.045
    printf "]}" }')
  seed_call PUT "/pricing/api/price-lists/standard/versions/$version/entries/$offering" "$prices" "If-Match: $SEED_ETAG"
  seed_expect 200
}

seed_pricing() {
  local version
  seed_call GET /pricing/api/price-lists/standard/active-version
  if [[ $SEED_STATUS == 200 ]]; then
    echo "pricing: price list standard already has an active version, skipped"
  else
    seed_call POST /pricing/api/price-lists/standard/versions \
      '{"name":"Standard price list","stalenessPolicy":"REPRICE_REQUIRED_ON_PUBLISH","validityDays":30}' \
      "Idempotency-Key: seed-price-list-$DEMO_TENANT-$(date +%s)"
    seed_expect 201 || return 1
    version=$(seed_json_field priceListVersion <<<"$SEED_BODY")
    seed_prices "$version" fiber-500 49.00 39.90 || return 1
    seed_prices "$version" fiber-1g 49.00 59.90 || return 1
    seed_prices "$version" fiber-10g 199.00 249.00 || return 1
    seed_prices "$version" dsl-100 29.00 29.90 || return 1
    seed_prices "$version" mobile-s 0.00 9.99 || return 1
    seed_prices "$version" mobile-m 0.00 19.99 || return 1
    seed_prices "$version" mobile-l 0.00 34.99 || return 1
    seed_prices "$version" data-sim 9.00 14.99 || return 1
    seed_prices "$version" tv-basic 19.00 12.50 || return 1
    seed_prices "$version" tv-plus 19.00 22.50 || return 1
    seed_prices "$version" tv-premium 39.00 39.90 || return 1
    seed_prices "$version" tv-streaming 0.00 7.99 || return 1
    seed_call POST "/pricing/api/price-lists/standard/versions/$version/publish" "" "If-Match: $SEED_ETAG" \
      "Idempotency-Key: seed-publish-price-list-$DEMO_TENANT-$version"
    seed_expect 200 || return 1
    echo "pricing: price list standard v$version published (12 offerings, EUR and USD, direct and partner channels)"
  fi
  seed_call GET /pricing/api/approval-policy
  seed_expect 200 || return 1
  if [[ $(seed_json_field policyVersion <<<"$SEED_BODY") != 0 ]]; then
    echo "pricing: approval policy exists, skipped"
    return 0
  fi
  seed_call PUT /pricing/api/approval-policy \
    '{"thresholds":[{"role":"PARTNER","maxDiscountPercent":5},{"role":"SALES_AGENT","maxDiscountPercent":10},{"role":"SALES_MANAGER","maxDiscountPercent":25}]}'
  seed_expect 200 || return 1
  echo "pricing: approval policy (partner 5 %, sales agent 10 %, sales manager 25 %)"
}

seed_demo() {
  SEED_TOKEN=$(mint_token "$DEMO_TENANT" CATALOG_ADMIN,PRICING_ADMIN,SALES_AGENT 600 demo-seed)
  seed_catalog && seed_pricing
}
