package ai.persona.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Ports free on this machine now, for a server started a moment later (a launched service, the broker, a test's
 * management interface). A picked port is closed again until its server binds it, and the system may hand the same
 * one out twice in a row: a second port for the same server is picked {@link #otherThan} the first (a management port
 * equal to the HTTP port made a service fail to start).
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public static int otherThan(int taken) {
        int port = any();
        while (port == taken) {
            port = any();
        }
        return port;
    }
}
