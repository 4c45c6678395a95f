package ai.persona.benchmark.phase;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.persona.benchmark.load.GatewayUser;

/** Whole conversations through the gateway, and waiting for what follows from them. */
final class Sessions {

    private Sessions() {
    }

    /** Opens a session, says each line (native API), ends it: the gateway then publishes the completed session. */
    static void converse(BenchContext bench, GatewayUser user, String... lines) {
        converse(bench, user, List.of(lines));
    }

    static void converse(BenchContext bench, GatewayUser user, List<String> lines) {
        String session = user.openSession();
        for (String line : lines) {
            HttpResponse<String> reply = bench.http().send(user.nativeTurn(session, line)).join();
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("turn answered " + reply.statusCode() + ": " + reply.body());
            }
        }
        user.endSession(session);
    }

    static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
