#!/usr/bin/env bash
# Kotlin without Maven Central: kotlinc from the npm package `kotlin-compiler` (unpacked under
# .tools/kotlinc); JNA, JUnit 5, kotlinx-coroutines, OkHttp (with okio) and org.json (Android's
# rewrite, the benchmark's reference) from Debian (jars in /usr/share/java). Idempotent: a warm
# machine only checks that the files are there. Registries: npm and Debian apt only.
set -euo pipefail
cd "$(dirname "$0")/../.."
KOTLIN_VERSION=2.4.20
DEST=.tools/kotlinc
if ! { [ -x "$DEST/bin/kotlinc" ] && [ "$(cat "$DEST/.version" 2>/dev/null)" = "$KOTLIN_VERSION" ]; }; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack -q "kotlin-compiler@$KOTLIN_VERSION" >/dev/null)
  rm -rf "$DEST" && mkdir -p "$DEST"
  tar -xzf "$tmp"/kotlin-compiler-*.tgz -C "$DEST" --strip-components=1
  rm -rf "$tmp"
  # npm tarballs may drop the executable bit.
  chmod +x "$DEST"/bin/*
  echo "$KOTLIN_VERSION" > "$DEST/.version"
fi
need_apt=0
for jar in jna.jar junit-platform-console-standalone.jar kotlinx-coroutines-core.jar atomicfu.jar okhttp.jar okio.jar com.android.json.jar; do
  [ -f "/usr/share/java/$jar" ] || need_apt=1
done
command -v java >/dev/null || need_apt=1
if [ "$need_apt" = 1 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libjna-java junit5 default-jdk-headless \
    libkotlinx-coroutines-java libkotlinx-atomicfu-java libokhttp-java libandroid-json-java >/dev/null
fi
"$DEST/bin/kotlinc" -version >/dev/null 2>&1
