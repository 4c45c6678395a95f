package ai.persona.infra;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged Quarkus app in {@link QuarkusAppProcessTest}: listens on -Dquarkus.http.port (serving
 * {@code /greeting} only) and, once started, is ready on -Dquarkus.management.port, as a service with its management
 * interface.
 */
public final class FakeQuarkusApp {

    private FakeQuarkusApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.getInteger("quarkus.http.port");
        int managementPort = Integer.getInteger("quarkus.management.port");
        HttpServer api = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        HttpServer management = HttpServer.create(new InetSocketAddress("localhost", managementPort), 0);
        String greeting = System.getProperty("greeting", "");
        management.createContext("/q/health/ready", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"greeting\":\"" + greeting + "\"}").getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.createContext("/greeting", exchange -> {
            byte[] body = greeting.getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        management.start();
        System.out.println("fake app listening on " + port + ", management on " + managementPort);
    }
}
