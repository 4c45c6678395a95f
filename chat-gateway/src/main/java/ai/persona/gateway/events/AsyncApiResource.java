package ai.persona.gateway.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves persona-model's AsyncAPI document of the Kafka topics, public like the OpenAPI document, and the event schemas
 * it refers to: its relative references ({@code schemas/...}) resolve against this path.
 */
@Path("/")
public class AsyncApiResource {

    static final String DOCUMENT = "asyncapi/ai-persona.asyncapi.yaml";
    static final String SCHEMAS = "asyncapi/schemas/";

    private final byte[] document = read(DOCUMENT);

    @GET
    @Path("asyncapi.yaml")
    @Produces("application/yaml")
    @Operation(summary = "The AsyncAPI 3.0 document of the events other systems can follow on Kafka")
    public byte[] document() {
        return document;
    }

    @GET
    @Path("schemas/{file: [A-Za-z0-9.]+\\.schema\\.json}")
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema of one event's payload, as the AsyncAPI document refers to it")
    public byte[] schema(@PathParam("file") String file) {
        if (getClass().getClassLoader().getResource(SCHEMAS + file) == null) {
            throw new NotFoundException("there is no event schema named " + file);
        }
        return read(SCHEMAS + file);
    }

    private static byte[] read(String resource) {
        try (InputStream in = AsyncApiResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath (persona-model)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
