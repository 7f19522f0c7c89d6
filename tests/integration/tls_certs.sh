#!/usr/bin/env bash
# Generates throwaway TLS material for the TLS integration tests (tls_test.cc), with the openssl CLI,
# at test time; no key or certificate is ever committed.
#
#   tests/integration/tls_certs.sh DIR
#
# Writes into DIR (created if missing; existing files are replaced, so running it again is safe):
#   ca.key, ca.pem                    the test CA
#   server.key, server.pem            CN=localhost, SAN DNS:localhost, IP:127.0.0.1; signed by the CA
#   client.key, client.pem            /O=Pemerintah Kota Semarang/OU=BPKAD/CN=payroll; signed by the CA
#   rogue-ca.key, rogue-ca.pem        a second, unrelated CA
#   rogue-client.key, rogue-client.pem  the same client subject, signed by the rogue CA
# Keys are P-256 EC (fast to generate); certificates are valid for 2 days. The system openssl.cnf is
# not read: every extension comes from the small config written here.
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir=$1
umask 077
mkdir -p -- "$dir"

# Work in a scratch directory inside DIR and move the finished files into place at the end, so an
# interrupted run never leaves a half-written set behind.
work=$(mktemp -d -- "$dir/.tls-certs.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

cat >"$work/openssl.cnf" <<'EOF'
[req]
distinguished_name = req_dn
prompt = no
[req_dn]
CN = unused
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
export OPENSSL_CONF="$work/openssl.cnf"

days=2
client_subject="/O=Pemerintah Kota Semarang/OU=BPKAD/CN=payroll"

new_key() {  # FILE
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

new_ca() {  # NAME SUBJECT
  new_key "$work/$1.key"
  openssl req -config "$OPENSSL_CONF" -new -x509 -sha256 -days "$days" -key "$work/$1.key" \
    -subj "$2" -extensions ca_ext -set_serial "0x$(openssl rand -hex 16)" -out "$work/$1.pem"
}

new_leaf() {  # NAME SUBJECT CA EXTENSIONS
  new_key "$work/$1.key"
  openssl req -config "$OPENSSL_CONF" -new -key "$work/$1.key" -subj "$2" -out "$work/$1.csr"
  openssl x509 -req -sha256 -days "$days" -in "$work/$1.csr" \
    -CA "$work/$3.pem" -CAkey "$work/$3.key" -set_serial "0x$(openssl rand -hex 16)" \
    -extfile "$OPENSSL_CONF" -extensions "$4" -out "$work/$1.pem" 2>/dev/null
  openssl verify -CAfile "$work/$3.pem" "$work/$1.pem" >/dev/null
}

new_ca ca "/O=Kinerja Test/CN=Kinerja Test CA"
new_leaf server "/CN=localhost" ca server_ext
new_leaf client "$client_subject" ca client_ext
new_ca rogue-ca "/O=Kinerja Rogue/CN=Kinerja Rogue CA"
new_leaf rogue-client "$client_subject" rogue-ca client_ext

for name in ca server client rogue-ca rogue-client; do
  chmod 0644 "$work/$name.pem"
  mv -f -- "$work/$name.key" "$work/$name.pem" "$dir/"
done
