package ai.persona.infra;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/** Stands in for a packaged Quarkus app in {@link QuarkusAppProcessTest}: ready on -Dquarkus.http.port once started. */
public final class FakeQuarkusApp {

    private FakeQuarkusApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.getInteger("quarkus.http.port");
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        String greeting = System.getProperty("greeting", "");
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"greeting\":\"" + greeting + "\"}").getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake app listening on " + port);
    }
}
