# Sourced by the project's commands: finds a JDK 21 or newer and readies the Maven wrapper.
# shellcheck shell=bash

MAVEN_VERSION=3.9.16
PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$dir
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: set JAVA_HOME to one (NiFi 2 needs Java 21+)." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# The wrapper's distribution comes from the local Maven repository: the machine's own Maven
# resolves it from Central the first time, so no repository address is written in the project.
ready_wrapper() {
  local repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  local dist="$repo/org/apache/maven/apache-maven/$MAVEN_VERSION"
  if [ ! -f "$dist/apache-maven-$MAVEN_VERSION-bin.zip" ] || [ ! -f "$dist/apache-maven-$MAVEN_VERSION-bin.tar.gz" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      if [ "$(id -u)" -eq 0 ]; then
        apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven >&2 || return 1
      else
        echo "Maven is needed once to fetch Maven $MAVEN_VERSION for the wrapper: apt-get install maven" >&2
        return 1
      fi
    fi
    # Into the very folder the wrapper reads below, whatever the machine's Maven takes for its home.
    mvn -q -B -Dmaven.repo.local="$repo" dependency:get -Dtransitive=false \
      -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:zip:bin" >&2 &&
      mvn -q -B -Dmaven.repo.local="$repo" dependency:get -Dtransitive=false \
        -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin" >&2 ||
      return 1
  fi
  export MVNW_REPOURL="file://$repo"
  # wget cannot read file: addresses; with credentials set the wrapper copies with Java instead.
  export MVNW_USERNAME=local MVNW_PASSWORD=local
}

mvnw() {
  "$PROJECT_ROOT/mvnw" -B "$@"
}

find_jdk && ready_wrapper
