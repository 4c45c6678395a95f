# Shared by up, down and token. Ports and folders; each can be overridden from the environment.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run_dir="$root/.local/run"
log_dir="$root/.local/logs"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
SESSION_PORT="${SESSION_PORT:-8081}"
UPDATER_PORT="${UPDATER_PORT:-8082}"
# each service's management interface (health, metrics): its API port + 1000 unless set
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-$((GATEWAY_PORT + 1000))}"
SESSION_MANAGEMENT_PORT="${SESSION_MANAGEMENT_PORT:-$((SESSION_PORT + 1000))}"
UPDATER_MANAGEMENT_PORT="${UPDATER_MANAGEMENT_PORT:-$((UPDATER_PORT + 1000))}"
PG_PORT="${PG_PORT:-15432}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
STANDIN_PORT="${STANDIN_PORT:-18089}"
tools_jar="$root/local-infra/target/local-infra-tools.jar"
standin_jar="$root/local-infra/target/standin/wiremock-standalone.jar"
# the local broker's SCRAM logins (user=password, mode 0600), made at its first start and kept with its data
kafka_logins="$root/.local/infra/kafka/logins.properties"

# The packaged artifact of each module `up` runs: the local tools (PostgreSQL, Kafka, tokens) and the three services.
declare -A packaged=(
    [local-infra]="local-infra/target/local-infra-tools.jar"
    [session-service]="session-service/target/quarkus-app/quarkus-run.jar"
    [persona-updater]="persona-updater/target/quarkus-app/quarkus-run.jar"
    [chat-gateway]="chat-gateway/target/quarkus-app/quarkus-run.jar"
)

# build_if_stale MODULE...: packages the modules (and what they use, in the same reactor: nothing is installed or
# resolved from the local Maven repository) when one was never packaged or a source is newer than its package.
build_if_stale() {
    local module stale=()
    for module in "$@"; do
        local jar="$root/${packaged[$module]}"
        if [[ ! -f "$jar" ]] || [[ -n "$(cd "$root" && find "$module/src/main" persona-model/src/main service-runtime/src/main \
                pom.xml "$module/pom.xml" persona-model/pom.xml service-runtime/pom.xml -newer "$jar" -print -quit)" ]]; then
            stale+=("$module")
        fi
    done
    [[ ${#stale[@]} -gt 0 ]] || return 0
    mkdir -p "$log_dir"
    local modules
    modules=$(IFS=,; echo "${stale[*]}")
    echo "building $modules (mvn package -DskipTests; log in $log_dir/build.log)..." >&2
    (cd "$root" && mvn -B -ntp package -DskipTests -pl "$modules" -am) > "$log_dir/build.log" 2>&1 ||
        { echo "error: build failed, see $log_dir/build.log" >&2; return 1; }
}

# kafka_env SERVICE ARRAY: sets ARRAY to the service's Kafka settings as NAME=value words for env: the broker, and
# the service's own login (SASL_PLAINTEXT, SCRAM-SHA-512 as the user named after it, whose ACLs the broker derives
# from the event contract). An array, as the JAAS line has spaces and quotes.
kafka_env() {
    local -n kafka_env_out=$2
    local password
    password=$(sed -n "s/^$1=//p" "$kafka_logins" 2>/dev/null)
    if [[ -z "$password" ]]; then
        echo "error: no Kafka login for $1 in $kafka_logins" >&2
        return 1
    fi
    kafka_env_out=("KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT" "KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT"
        "KAFKA_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1\" password=\"$password\";")
}

# True when something accepts connections on the local port.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when the service whose management interface is on the port answers its readiness check with 200 (no curl
# needed).
ready() {
    local status
    status=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" &&
        printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && head -1 <&3) 2>/dev/null)
    [[ "$status" == *" 200 "* ]]
}

# wait_for NAME SECONDS PROCESS COMMAND...: polls the command once a second; gives up at once if the process that
# should answer (a name given to start) has exited.
wait_for() {
    local name=$1 seconds=$2 process=$3
    shift 3
    for _ in $(seq "$seconds"); do
        if "$@"; then
            return 0
        fi
        if ! pid_alive "$process"; then
            echo "error: $process exited before $name was ready; see $log_dir/$process.log" >&2
            return 1
        fi
        sleep 1
    done
    echo "error: $name not ready after ${seconds}s; see $log_dir" >&2
    return 1
}

pid_alive() {
    [[ -f "$run_dir/$1.pid" ]] && kill -0 "$(cat "$run_dir/$1.pid")" 2>/dev/null
}

# Stops what up started, newest first; TERM, then KILL after 20 s.
stop_all() {
    local name pid
    for name in chat-gateway persona-updater session-service llm-standin infra; do
        [[ -f "$run_dir/$name.pid" ]] || continue
        pid=$(cat "$run_dir/$name.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 20); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 1
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$run_dir/$name.pid"
    done
}
