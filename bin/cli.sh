# Sourced by the commands that run the command-line module: builds it the first time (and after a source
# change) and runs one of its classes.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CLI_MODULE="$PROJECT_ROOT/nifi-distribooze-cli"
CLI_CLASSPATH="$CLI_MODULE/target/classes:$CLI_MODULE/target/lib/*"

cli_build() {
  local stamp="$CLI_MODULE/target/lib"
  if [ ! -d "$stamp" ] || [ -n "$(find "$PROJECT_ROOT" -path '*/src/main/*' -newer "$stamp" -print -quit)" ] \
      || [ -n "$(find "$PROJECT_ROOT" -maxdepth 2 -name pom.xml -newer "$stamp" -print -quit)" ]; then
    echo "Building the distribooze command line (first run takes a minute)..." >&2
    (cd "$PROJECT_ROOT" && mvnw -q -DskipTests -pl nifi-distribooze-cli -am package) >&2
    touch "$stamp"
  fi
}

# cli_java [JAVA OPTION...] MAIN-CLASS [ARGUMENT...]: builds if needed, then becomes that Java program.
cli_java() {
  cli_build
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CLI_CLASSPATH" "$@"
}
